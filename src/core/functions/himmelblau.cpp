// Himmelblau's function, Himmelblau (1972), "Applied Nonlinear Programming", McGraw-Hill:
// f(x, y) = (x² + y − 11)² + (x + y² − 7)². Four global minima with f = 0; the rounded
// coordinates are those of Jamil & Yang (2013), "A literature survey of benchmark functions for
// global optimization problems", Int. J. Math. Modelling Numer. Optim. 4(2):150-194.
// The four saddle points between the minima have no published table: they were located by Newton
// iteration on the exact gradient and Hessian and are marked "computed".
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_himmelblau() {
  TestFunction f;
  f.name = "himmelblau";
  f.title = "Himmelblau's function";
  f.description = "Four equally deep minima: where you start decides which one you reach.";
  f.formula = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";
  f.view = {-5.0, 5.0, -5.0, 5.0};
  f.critical_points = {
      {3.0, 2.0, 0.0, CriticalKind::GlobalMinimum},
      {-2.8051180869527448, 3.131312518250573, 0.0,
       CriticalKind::GlobalMinimum},  // (−2.805118, 3.131312)
      {-3.779310253377747, -3.2831859912861696, 0.0,
       CriticalKind::GlobalMinimum},  // (−3.779310, −3.283186)
      {3.5844283403304917, -1.8481265269644036, 0.0,
       CriticalKind::GlobalMinimum},  // (3.584428, −1.848126)
      // computed:
      {0.086677504555396356, 2.8842547011747759, 67.719150087526131, CriticalKind::Saddle},
      {-3.0730257507643897, -0.08135304428796751, 104.01516291755811, CriticalKind::Saddle},
      {3.3851541836070211, 0.073851879837749282, 13.311926270405587, CriticalKind::Saddle},
      {-0.12796134673068005, -1.9537149802445766, 178.33723920192745, CriticalKind::Saddle},
  };
  f.start_points = {{0.0, 0.0}, {-0.5, -4.5}, {1.0, 4.5}, {-4.5, 0.5}};
  f.reference = "Himmelblau, Applied Nonlinear Programming (1972); Jamil & Yang, IJMMNO 4 (2013)";
  return f;
}

}  // namespace lv
