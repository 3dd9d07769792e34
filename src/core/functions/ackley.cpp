// Ackley's function, Ackley (1987), "A connectionist machine for genetic hillclimbing", Kluwer:
// f = −20 exp(−0.2 √(½(x² + y²))) − exp(½(cos 2πx + cos 2πy)) + e + 20.
// Global minimum f(0, 0) = 0 (Jamil & Yang 2013; Surjanovic & Bingham, VLSE, "Ackley
// function"). The square root makes the origin a cone tip: f is not differentiable there.
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_ackley() {
  TestFunction f;
  f.name = "ackley";
  f.title = "Ackley's function";
  f.description =
      "A nearly flat ripple field with one deep funnel whose bottom is a sharp point at the "
      "origin.";
  f.formula = "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20";
  f.view = {-5.0, 5.0, -5.0, 5.0};
  CriticalPoint origin{0.0, 0.0, 0.0, CriticalKind::GlobalMinimum};
  origin.differentiable = false;
  f.critical_points = {origin};
  f.start_points = {{3.5, -4.0}, {-2.2, 3.1}, {0.6, 0.4}};
  f.reference =
      "Ackley, A Connectionist Machine for Genetic Hillclimbing (1987); Jamil & Yang (2013)";
  return f;
}

}  // namespace lv
