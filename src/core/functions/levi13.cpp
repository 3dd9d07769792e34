// Lévi function N. 13: f = sin²(3πx) + (x − 1)²(1 + sin²(3πy)) + (y − 1)²(1 + sin²(2πy)),
// global minimum f(1, 1) = 0 (Surjanovic & Bingham, VLSE, "Levy function N. 13"; Laguna & Martí
// (2005), "Experimental testing of advanced scatter search designs for global optimization of
// multimodal functions", J. Global Optim. 33:235).
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_levi13() {
  TestFunction f;
  f.name = "levi13";
  f.title = "Levi function N. 13";
  f.description = "A bowl with sine ripples along both axes: many local minima around (1, 1).";
  f.formula = "sin(3*pi*x)^2 + (x - 1)^2*(1 + sin(3*pi*y)^2) + (y - 1)^2*(1 + sin(2*pi*y)^2)";
  f.view = {-3.0, 5.0, -3.0, 5.0};
  f.critical_points = {{1.0, 1.0, 0.0, CriticalKind::GlobalMinimum}};
  f.start_points = {{-2.0, 4.0}, {4.0, -2.0}, {-2.5, -2.5}};
  f.reference =
      "Surjanovic & Bingham, VLSE (Levy N. 13); Laguna & Marti, J. Global Optim. 33 (2005)";
  return f;
}

}  // namespace lv
