// The monkey saddle f = x³ − 3xy² = Re((x + iy)³): three valleys (two for the legs, one for the
// tail). The origin is a degenerate critical point: gradient and Hessian both vanish, so
// second-order tests cannot classify it (do Carmo, "Differential Geometry of Curves and
// Surfaces" (1976), ch. 3).
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_monkey_saddle() {
  TestFunction f;
  f.name = "monkey_saddle";
  f.title = "Monkey saddle";
  f.description =
      "Three valleys meet at a perfectly flat point: gradient and curvature both vanish there.";
  f.formula = "x^3 - 3*x*y^2";
  f.view = {-2.0, 2.0, -2.0, 2.0};
  f.critical_points = {{0.0, 0.0, 0.0, CriticalKind::Saddle}};
  f.start_points = {{1.5, 0.05}, {-1.0, 1.0}, {0.5, -1.5}};
  f.reference = "do Carmo, Differential Geometry of Curves and Surfaces (1976) §3-3";
  return f;
}

}  // namespace lv
