// Goldstein-Price function, Goldstein & Price (1971), "On descent from local minima", Math.
// Comp. 25:569: f = [1 + (x + y + 1)²(19 − 14x + 3x² − 14y + 6xy + 3y²)]
//                 · [30 + (2x − 3y)²(18 − 32x + 12x² + 48y − 36xy + 27y²)].
// Global minimum f(0, −1) = 3 (Dixon & Szegö 1978; Jamil & Yang 2013). The three local minima
// f(−0.6, −0.4) = 30, f(1.8, 0.2) = 84 and f(1.2, 0.8) = 840 are exact, checked by hand: there
// the squared factors vanish or their quadratic cofactors equal 3 and −3. The four saddles, also at
// rational points, were located by Newton iteration on the exact gradient and Hessian.
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_goldstein_price() {
  TestFunction f;
  f.name = "goldstein_price";
  f.title = "Goldstein-Price function";
  f.description =
      "Values span six orders of magnitude; the global minimum (0, -1) hides among three local "
      "ones.";
  f.formula =
      "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
      "*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))";
  f.view = {-2.0, 2.0, -2.0, 2.0};
  f.critical_points = {
      {0.0, -1.0, 3.0, CriticalKind::GlobalMinimum},
      {-0.6, -0.4, 30.0, CriticalKind::LocalMinimum},
      {1.8, 0.2, 84.0, CriticalKind::LocalMinimum},
      {1.2, 0.8, 840.0, CriticalKind::LocalMinimum},
      // computed:
      {-0.4, -0.6, 35.0, CriticalKind::Saddle},
      {1.2, -0.2, 99.0, CriticalKind::Saddle},
      {0.6, 0.4, 990.0, CriticalKind::Saddle},
      {1.4, 0.6, 980.0, CriticalKind::Saddle},
  };
  f.start_points = {{-1.5, 1.5}, {1.5, 1.5}, {-1.0, -1.8}, {1.5, -1.0}};
  f.reference = "Goldstein & Price, Math. Comp. 25 (1971) 569-574; Jamil & Yang, IJMMNO 4 (2013)";
  return f;
}

}  // namespace lv
