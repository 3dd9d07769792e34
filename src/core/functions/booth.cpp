// Booth's function: f = (x + 2y − 7)² + (2x + y − 5)², a convex quadratic with global minimum
// f(1, 3) = 0 (Jamil & Yang 2013; Surjanovic & Bingham, Virtual Library of Simulation
// Experiments, "Booth function"). Hessian [[10, 8], [8, 10]], eigenvalues 2 and 18.
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_booth() {
  TestFunction f;
  f.name = "booth";
  f.title = "Booth's function";
  f.description = "A tilted elliptic bowl (a least-squares problem) with its minimum at (1, 3).";
  f.formula = "(x + 2*y - 7)^2 + (2*x + y - 5)^2";
  f.view = {-10.0, 10.0, -10.0, 10.0};
  f.critical_points = {{1.0, 3.0, 0.0, CriticalKind::GlobalMinimum}};
  f.start_points = {{-8.0, -8.0}, {0.0, 0.0}, {8.0, -6.0}};
  f.reference = "Jamil & Yang, IJMMNO 4 (2013); Surjanovic & Bingham, VLSE";
  return f;
}

}  // namespace lv
