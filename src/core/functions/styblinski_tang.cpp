// Styblinski-Tang function, Styblinski & Tang (1990), "Experiments in nonconvex optimization:
// stochastic approximation with function smoothing and simulated annealing", Neural Networks
// 3:467: f = ½ Σ (xᵢ⁴ − 16xᵢ² + 5xᵢ). Global minimum at (−2.903534, −2.903534) (Surjanovic &
// Bingham, VLSE, "Styblinski-Tang function"), with f = −39.166166·2 = −78.332331 (the value VLSE
// prints, −39.16599 per coordinate, is 1.7e-4 too high: ½(t⁴ − 16t² + 5t) at t = −2.903534 is
// −39.166166). The function is a sum of one 1-D quartic per coordinate, whose critical points are
// the roots of 4t³ − 32t + 5 = 0 (t₁ ≈ −2.9035 minimum, t₂ ≈ 0.1567 maximum, t₃ ≈ 2.7468 minimum):
// the other minima and the saddles are the pairs (tᵢ, tⱼ) of those roots.
#include "functions/builtins.hpp"

namespace lv {

TestFunction make_styblinski_tang() {
  TestFunction f;
  f.name = "styblinski_tang";
  f.title = "Styblinski-Tang function";
  f.description =
      "Four minima at the corners of a square, one much deeper: which corner you reach depends on "
      "the start.";
  f.formula = "0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)";
  f.view = {-5.0, 5.0, -5.0, 5.0};
  constexpr double low = -2.903534027771177;  // (−2.903534)
  constexpr double high = 2.7468027709908367;
  constexpr double middle = 0.15673125678034011;
  f.critical_points = {
      {low, low, -78.332331407542839, CriticalKind::GlobalMinimum},
      {low, high, -64.19561235905536, CriticalKind::LocalMinimum},
      {high, low, -64.19561235905536, CriticalKind::LocalMinimum},
      {high, high, -50.058893310567889, CriticalKind::LocalMinimum},
      {low, middle, -38.970553344716052, CriticalKind::Saddle},
      {middle, low, -38.970553344716052, CriticalKind::Saddle},
      {high, middle, -24.833834296228588, CriticalKind::Saddle},
      {middle, high, -24.833834296228588, CriticalKind::Saddle},
  };
  f.start_points = {{0.5, 0.5}, {-0.2, -0.3}, {4.5, -4.5}, {-4.5, 4.5}};
  f.reference = "Styblinski & Tang, Neural Networks 3 (1990) 467-483; Surjanovic & Bingham, VLSE";
  return f;
}

}  // namespace lv
