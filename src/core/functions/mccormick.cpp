// McCormick's function, McCormick (1976), "Computability of global solutions to factorable
// nonconvex programs", Math. Program. 10:147: f = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1.
// Global minimum f(−0.54719, −1.54719) = −1.9133 (Jamil & Yang 2013; Surjanovic &
// Bingham, VLSE, "McCormick function"). In u = x + y, v = x − y it separates into
// f = sin u + u/2 + (v − 1)², so every critical point is exact: v = 1 and cos u = −½, i.e.
// u = −2π/3 (global minimum, f = −√3/2 − π/3), u = 4π/3 (local minimum, f = 2π/3 − √3/2) and
// u = 2π/3 (saddle, f = √3/2 + π/3) inside the view box.
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_mccormick() {
  TestFunction f;
  f.name = "mccormick";
  f.title = "McCormick's function";
  f.description = "A sloped wavy trough: one global minimum, one local minimum and a pass between.";
  f.formula = "sin(x + y) + (x - y)^2 - 1.5*x + 2.5*y + 1";
  f.view = {-1.5, 4.0, -3.0, 4.0};
  f.critical_points = {
      {-0.54719755119659774, -1.5471975511965976, -1.9132229549810362,
       CriticalKind::GlobalMinimum},  // (−0.54719, −1.54719)
      {2.5943951023931957, 1.5943951023931957, 1.2283696986087569, CriticalKind::LocalMinimum},
      {1.5471975511965979, 0.54719755119659774, 1.9132229549810362, CriticalKind::Saddle},
  };
  f.start_points = {{3.5, 3.5}, {-1.0, 3.0}, {2.0, -2.5}};
  f.reference = "McCormick, Math. Program. 10 (1976) 147-175; Jamil & Yang, IJMMNO 4 (2013)";
  return f;
}

}  // namespace lv
