// torch.optim.RAdam: the first steps on f = ½(x² + 10y²) from (1, 1), checked against a scalar
// transcription of the RAdam docs' algorithm (one copy per coordinate, see separable_reference)
// and against arithmetic by hand: the unrectified steps while ρ_t ≤ 5, the rectified ones after.
#include <cmath>

#include "optimizer_steps.hpp"

using lv::Vec;
using namespace lv::test;

namespace {

// torch.optim.RAdam docs, "Algorithm": g ← −g (maximize); g ← g + λθ, or θ ← θ(1 − γλ) when
// decoupled_weight_decay;  m ← β1 m + (1 − β1)g;  v ← β2 v + (1 − β2)g²;  m̂ = m/(1 − β1ᵗ);
// ρ∞ = 2/(1 − β2) − 1;  ρ_t = ρ∞ − 2tβ2ᵗ/(1 − β2ᵗ);
// ρ_t > 5: l = √(1 − β2ᵗ)/(√v + ε), r = √((ρ_t − 4)(ρ_t − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ_t)),
//          θ ← θ − γ m̂ r l;   else θ ← θ − γ m̂.
struct ScalarRAdam {
  double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0.0;
  bool decoupled = false, maximize = false;
  bool rectify = true;  // false: always the plain step (to show the branch matters)
  double m = 0.0, v = 0.0;
  int t = 0;

  double step(double x, double g) {
    ++t;
    g = decayed_gradient(x, g, lr, weight_decay, decoupled, maximize);
    update_moments(m, v, g, beta1, beta2);
    const double m_hat = m / (1.0 - std::pow(beta1, t));
    const double rho_infinity = 2.0 / (1.0 - beta2) - 1.0;
    const double rho = rho_infinity - 2.0 * t * std::pow(beta2, t) / (1.0 - std::pow(beta2, t));
    if (rho <= 5.0 || !rectify) return x - lr * m_hat;
    const double adaptive = std::sqrt(1.0 - std::pow(beta2, t)) / (std::sqrt(v) + eps);
    const double rectification = std::sqrt((rho - 4.0) * (rho - 2.0) * rho_infinity /
                                           ((rho_infinity - 4.0) * (rho_infinity - 2.0) * rho));
    return x - lr * m_hat * rectification * adaptive;
  }
};

}  // namespace

TEST_CASE("radam: defaults; ρ1 = 1 ≤ 5, so the first step is plain lr·m̂ = lr·g") {
  const auto x = check_against_reference("radam", {}, ScalarRAdam{});
  check_iterate(x[0], {0.999, 0.99});
  // step 2 by hand (ρ2 = (1 + 3β2)/(1 + β2) < 2, still unrectified) on x: g = 0.999,
  // m = 0.9·0.1 + 0.1·0.999 = 0.1899, m̂ = 0.1899/0.19 → x2 = 0.999 − 1e-3·0.1899/0.19
  CHECK(x[1][0] == doctest::Approx(0.999 - 1e-3 * 0.1899 / 0.19).epsilon(1e-12));
}

TEST_CASE("radam: the rectified branch starts when ρ_t > 5 (β2 = 0.9: from step 6)") {
  // ρ∞ = 19; ρ5 = 19 − 10·0.9⁵/(1 − 0.9⁵) ≈ 4.58 (plain step), ρ6 = 19 − 12·0.9⁶/(1 − 0.9⁶) ≈ 5.39
  const ScalarRAdam rule{.lr = 0.01, .beta2 = 0.9};
  const auto x = check_against_reference("radam", {{"lr", "0.01"}, {"beta2", "0.9"}}, rule, 8);
  // always taking the plain lr·m̂ step agrees through step 5 and departs at step 6
  ScalarRAdam plain = rule;
  plain.rectify = false;
  const auto plain_x = separable_reference(k_bowl_curvature, k_bowl_start, 8, plain);
  check_iterate(x[4], {plain_x[4][0], plain_x[4][1]});
  CHECK(std::abs(x[5][0] - plain_x[5][0]) > 1e-4);
}

TEST_CASE("radam: L2 and decoupled weight decay, maximize") {
  // beta2 0.8: ρ∞ = 9, ρ7 ≈ 5.29, so steps 7 and 8 are rectified; a large eps shows in them
  const std::vector<Setting> settings = {
      {"lr", "0.05"}, {"beta2", "0.8"}, {"eps", "0.5"}, {"weight_decay", "0.3"}};
  std::vector<Setting> climbing = settings;
  climbing.push_back({"maximize", "true"});
  check_against_reference(
      "radam", climbing,
      ScalarRAdam{.lr = 0.05, .beta2 = 0.8, .eps = 0.5, .weight_decay = 0.3, .maximize = true}, 8);
  std::vector<Setting> decoupled = settings;
  decoupled.push_back({"decoupled_weight_decay", "true"});
  const auto x = check_against_reference(
      "radam", decoupled,
      ScalarRAdam{.lr = 0.05, .beta2 = 0.8, .eps = 0.5, .weight_decay = 0.3, .decoupled = true}, 8);
  // step 1: x ← 1·(1 − 0.05·0.3) = 0.985, then the plain step 0.05·g
  check_iterate(x[0], {0.985 - 0.05, 0.985 - 0.5});
}
