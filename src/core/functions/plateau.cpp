// A teaching surface: a round well of radius ~ width in the middle of a plateau,
// f = tanh((x² + y²)/width²). The gradient 2r/width² · sech²(r²/width²) vanishes exponentially
// away from the well, like a saturated tanh/sigmoid unit (Glorot & Bengio 2010, "Understanding the
// difficulty of training deep feedforward neural networks", AISTATS): gradient descent started
// on the plateau barely moves. Minimum f(0, 0) = 0 with Hessian (2/width²)·I.
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_plateau() {
  TestFunction f;
  f.name = "plateau";
  f.title = "Plateau around a well";
  f.description =
      "A deep well in a flat plateau: out on the plateau the gradient is almost zero and descent "
      "stalls.";
  f.formula = "tanh((x^2 + y^2)/width^2)";
  f.parameters = {{"width", 1.0, 0.3, 2.0}};
  f.view = {-3.0, 3.0, -3.0, 3.0};
  f.critical_points = {{0.0, 0.0, 0.0, CriticalKind::GlobalMinimum}};
  f.start_points = {{1.2, 0.9}, {2.5, 2.0}, {-1.6, 0.8}};
  f.reference = "Glorot & Bengio, AISTATS (2010) (saturation); designed for lossviz";
  return f;
}

}  // namespace lv
