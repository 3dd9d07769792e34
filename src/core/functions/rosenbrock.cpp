// Rosenbrock's banana valley. Rosenbrock (1960), "An automatic method for finding the greatest or
// least value of a function", Comput. J. 3:175. f(x, y) = (a − x)² + b(y − x²)², global minimum
// f(a, a²) = 0.
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_rosenbrock() {
  TestFunction f;
  f.name = "rosenbrock";
  f.title = "Rosenbrock's banana";
  f.description =
      "A curved, narrow valley: easy to find, hard to follow to the minimum at (a, a^2).";
  f.formula = "(a - x)^2 + b*(y - x^2)^2";
  f.parameters = {{"a", 1.0, -2.0, 2.0}, {"b", 100.0, 1.0, 200.0}};
  f.view = {-2.0, 2.0, -1.0, 3.0};
  f.critical_points = {{1.0, 1.0, 0.0, CriticalKind::GlobalMinimum}};
  f.start_points = {{-1.5, 2.0}, {-1.2, 1.0}, {0.0, 2.5}};
  f.reference = "Rosenbrock, Comput. J. 3 (1960) 175-184";
  return f;
}

}  // namespace lv
