// A quadratic bowl with condition number κ, rotated by an angle θ so that its narrow valley runs
// diagonally: f = ½(u² + κ v²) with (u, v) the coordinates rotated by θ. Gradient descent
// zig-zags across the valley at any angle (its rate depends on κ only: Nocedal & Wright 2006,
// §3.3; Goh, "Why Momentum Really Works", Distill 2017); the angle matters to per-coordinate
// methods (Adagrad, RMSprop, Adam), whose diagonal scaling can undo only axis-aligned
// ill-conditioning.
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_ravine() {
  TestFunction f;
  f.name = "ravine";
  f.title = "Rotated ravine";
  f.description =
      "A long narrow valley turned by 'angle' degrees: steep walls (kappa times steeper) make "
      "gradient descent zig-zag.";
  // u = cos θ x + sin θ y, v = −sin θ x + cos θ y with θ = angle·π/180.
  f.formula =
      "0.5*((cos(angle*pi/180)*x + sin(angle*pi/180)*y)^2"
      " + kappa*(-sin(angle*pi/180)*x + cos(angle*pi/180)*y)^2)";
  f.parameters = {{"kappa", 20.0, 1.0, 100.0}, {"angle", 30.0, 0.0, 180.0}};
  f.view = {-2.0, 2.0, -2.0, 2.0};
  f.critical_points = {{0.0, 0.0, 0.0, CriticalKind::GlobalMinimum}};
  f.start_points = {{-1.8, 0.2}, {1.5, -1.5}, {0.5, 1.8}};
  f.reference = "Goh, Why Momentum Really Works, Distill (2017); Nocedal & Wright (2006) §3.3";
  return f;
}

}  // namespace lv
