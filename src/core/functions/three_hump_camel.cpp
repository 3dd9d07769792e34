// Three-hump camel function: f = 2x² − 1.05x⁴ + x⁶/6 + xy + y², global minimum f(0, 0) = 0
// (Branin (1972), "Widely convergent method for finding multiple solutions of simultaneous
// nonlinear equations", IBM J. Res. Dev. 16:504; Jamil & Yang 2013; Surjanovic & Bingham,
// VLSE, "Three-hump camel function"). The two local minima and two saddles are computed here by
// Newton iteration on the exact gradient and Hessian (the sources give only the global minimum).
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_three_hump_camel() {
  TestFunction f;
  f.name = "three_hump_camel";
  f.title = "Three-hump camel";
  f.description = "One global minimum at the origin flanked by two shallower local minima.";
  f.formula = "2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2";
  f.view = {-2.5, 2.5, -2.5, 2.5};
  f.critical_points = {
      {0.0, 0.0, 0.0, CriticalKind::GlobalMinimum},
      {1.7475523458302891, -0.87377617291514453, 0.29863844223685965, CriticalKind::LocalMinimum},
      {-1.7475523458302891, 0.87377617291514453, 0.29863844223685965, CriticalKind::LocalMinimum},
      {1.0705422918236598, -0.53527114591182989, 0.87736155776314018, CriticalKind::Saddle},
      {-1.0705422918236598, 0.53527114591182989, 0.87736155776314018, CriticalKind::Saddle},
  };
  f.start_points = {{2.0, 1.0}, {-2.2, -2.0}, {1.0, -2.0}};
  f.reference = "Branin, IBM J. Res. Dev. 16 (1972); Jamil & Yang, IJMMNO 4 (2013)";
  return f;
}

}  // namespace lv
