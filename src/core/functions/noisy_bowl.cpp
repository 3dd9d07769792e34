// A teaching surface: a round bowl covered with small high-frequency ripples (an "egg crate"),
//   f = ½(x² + y²) + amplitude·(1 − cos(frequency·x)·cos(frequency·y)).
// Where the ripple slope amplitude·frequency exceeds the bowl's slope r, every ripple is a local
// minimum, so gradient descent with a small lr stops in the first one it meets; an lr well above
// 2/(amplitude·frequency²) (the ripples' curvature bound) overshoots the ripples but still
// contracts along the bowl (curvature 1), so it keeps bouncing near the bottom instead (cf.
// Kleinberg, Li & Yuan 2018, "An alternative view: when does SGD escape local minima?", ICML).
// Global minimum f(0, 0) = 0; the nearest ring of local minima was located by Newton iteration on
// the exact gradient and Hessian (default parameters).
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_noisy_bowl() {
  TestFunction f;
  f.name = "noisy_bowl";
  f.title = "Bowl with ripples";
  f.description =
      "A simple bowl with tiny ripples: small steps get trapped in a ripple, large steps skip "
      "them and reach the bottom area.";
  f.formula = "0.5*(x^2 + y^2) + amplitude*(1 - cos(frequency*x)*cos(frequency*y))";
  f.parameters = {{"amplitude", 0.05, 0.0, 0.3}, {"frequency", 20.0, 2.0, 40.0}};
  f.view = {-2.0, 2.0, -2.0, 2.0};
  constexpr double diagonal = 0.14948909074649303;  // minima at (±d, ±d)
  constexpr double axis = 0.29897818149298605;      // minima at (±a, 0), (0, ±a)
  constexpr double pass = 0.08269358047737492;      // saddles at (±p, ±p)
  f.critical_points = {
      {0.0, 0.0, 0.0, CriticalKind::GlobalMinimum},
      {diagonal, diagonal, 0.023490489570104255, CriticalKind::LocalMinimum},
      {-diagonal, diagonal, 0.023490489570104255, CriticalKind::LocalMinimum},
      {-diagonal, -diagonal, 0.023490489570104255, CriticalKind::LocalMinimum},
      {diagonal, -diagonal, 0.023490489570104255, CriticalKind::LocalMinimum},
      {axis, 0.0, 0.046980979140208518, CriticalKind::LocalMinimum},
      {-axis, 0.0, 0.046980979140208518, CriticalKind::LocalMinimum},
      {0.0, axis, 0.046980979140208518, CriticalKind::LocalMinimum},
      {0.0, -axis, 0.046980979140208518, CriticalKind::LocalMinimum},
      {pass, pass, 0.056493946237446462, CriticalKind::Saddle},
      {-pass, pass, 0.056493946237446462, CriticalKind::Saddle},
      {-pass, -pass, 0.056493946237446462, CriticalKind::Saddle},
      {pass, -pass, 0.056493946237446462, CriticalKind::Saddle},
  };
  f.start_points = {{1.5, 1.2}, {-1.7, 0.6}, {0.4, -1.8}};
  f.reference = "Kleinberg, Li & Yuan, ICML (2018); designed for lossviz";
  return f;
}

}  // namespace lv
