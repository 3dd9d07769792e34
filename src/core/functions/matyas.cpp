// Matyas' function: f = 0.26(x² + y²) − 0.48xy, global minimum f(0, 0) = 0 (Jamil & Yang 2013;
// Surjanovic & Bingham, Virtual Library of Simulation Experiments, "Matyas function").
// Hessian [[0.52, −0.48], [−0.48, 0.52]]: eigenvalues 0.04 (along x = y) and 1, condition 25.
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_matyas() {
  TestFunction f;
  f.name = "matyas";
  f.title = "Matyas' function";
  f.description = "An almost flat diagonal valley: the gradient along x = y is 25 times weaker.";
  f.formula = "0.26*(x^2 + y^2) - 0.48*x*y";
  f.view = {-10.0, 10.0, -10.0, 10.0};
  f.critical_points = {{0.0, 0.0, 0.0, CriticalKind::GlobalMinimum}};
  f.start_points = {{-8.0, 6.0}, {9.0, 7.0}, {-5.0, -9.0}};
  f.reference = "Jamil & Yang, IJMMNO 4 (2013); Surjanovic & Bingham, VLSE";
  return f;
}

}  // namespace lv
