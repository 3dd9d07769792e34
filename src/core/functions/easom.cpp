// Easom's function, Easom (1990), "A survey of global optimization techniques", M. Eng. thesis,
// Univ. of Louisville: f = −cos x cos y exp(−((x − π)² + (y − π)²)). Global minimum
// f(π, π) = −1 (Jamil & Yang 2013; Surjanovic & Bingham, VLSE, "Easom function").
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_easom() {
  TestFunction f;
  f.name = "easom";
  f.title = "Easom's function";
  f.description =
      "A flat plain with one narrow hole at (pi, pi): away from it the gradient is almost zero.";
  f.formula = "-cos(x)*cos(y)*exp(-((x - pi)^2 + (y - pi)^2))";
  f.view = {-1.0, 7.0, -1.0, 7.0};
  f.critical_points = {
      {3.14159265358979312, 3.14159265358979312, -1.0, CriticalKind::GlobalMinimum}};
  f.start_points = {{1.5, 1.5}, {4.5, 2.5}, {0.0, 6.0}};
  f.reference = "Easom, M. Eng. thesis, Univ. of Louisville (1990); Jamil & Yang, IJMMNO 4 (2013)";
  return f;
}

}  // namespace lv
