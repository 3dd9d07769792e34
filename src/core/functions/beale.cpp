// Beale's function, Beale (1958), "On an iterative method for finding a local minimum of a
// function of more than one variable", Tech. Rep. 25, Statistical Techniques Research Group,
// Princeton University: f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)².
// Global minimum f(3, 0.5) = 0 (Jamil & Yang 2013; Surjanovic & Bingham, Virtual Library
// of Simulation Experiments, "Beale function"). Two saddles lie in the view box: (0, 1), where
// every residual's x-derivative vanishes and f = 1.5² + 2.25² + 2.625² = 14.203125 exactly, and one
// near (0.1005, −2.6445) located by Newton iteration on the exact gradient and Hessian.
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_beale() {
  TestFunction f;
  f.name = "beale";
  f.title = "Beale's function";
  f.description =
      "Flat valleys and steep corners: the minimum at (3, 0.5) sits at the end of a long "
      "shallow trough.";
  f.formula = "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2";
  f.view = {-4.5, 4.5, -4.5, 4.5};
  f.critical_points = {
      {3.0, 0.5, 0.0, CriticalKind::GlobalMinimum},
      {0.0, 1.0, 14.203125, CriticalKind::Saddle},
      {0.10053793732415833, -2.6445135850231249, 9.8645122847555591,
       CriticalKind::Saddle},  // computed
  };
  f.start_points = {{1.0, 1.5}, {-2.0, 2.0}, {-3.0, -1.0}, {2.5, -2.0}};
  f.reference = "Beale, Tech. Rep. 25, Princeton (1958); Jamil & Yang, IJMMNO 4 (2013)";
  return f;
}

}  // namespace lv
