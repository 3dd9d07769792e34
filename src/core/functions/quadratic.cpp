// An axis-aligned quadratic bowl with a chosen condition number κ:
// f(x, y) = ½(x² + κ y²). Hessian diag(1, κ); gradient descent converges for lr < 2/κ.
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_quadratic() {
  TestFunction f;
  f.name = "quadratic";
  f.title = "Quadratic bowl";
  f.description = "A bowl whose steepness differs by the condition number kappa between x and y.";
  f.formula = "0.5*(x^2 + kappa*y^2)";
  f.parameters = {{"kappa", 10.0, 1.0, 100.0}};
  f.view = {-2.0, 2.0, -2.0, 2.0};
  f.critical_points = {{0.0, 0.0, 0.0, CriticalKind::GlobalMinimum}};
  f.start_points = {{-1.8, 1.2}, {1.5, 1.5}};
  f.reference = "Nocedal & Wright, Numerical Optimization (2006), §3.3";
  return f;
}

}  // namespace lv
