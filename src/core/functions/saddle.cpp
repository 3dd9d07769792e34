// The hyperbolic paraboloid f = x² − y²: the textbook saddle. Its only critical point, the
// origin, has Hessian diag(2, −2); gradient descent started exactly on the x-axis converges to it,
// any tiny offset in y lets it escape (Dauphin et al. 2014, "Identifying and attacking the saddle
// point problem in high-dimensional non-convex optimization", NeurIPS, §2).
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_saddle() {
  TestFunction f;
  f.name = "saddle";
  f.title = "Saddle";
  f.description =
      "Up along x, down along y: a start near the x-axis slows down near the middle, then escapes.";
  f.formula = "x^2 - y^2";
  f.view = {-2.0, 2.0, -2.0, 2.0};
  f.critical_points = {{0.0, 0.0, 0.0, CriticalKind::Saddle}};
  f.start_points = {{-1.8, 0.01}, {-1.8, 0.5}, {1.5, -0.1}};
  f.reference = "Dauphin et al., NeurIPS (2014) 2933-2941";
  return f;
}

}  // namespace lv
