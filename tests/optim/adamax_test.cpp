// torch.optim.Adamax: the first steps on f = ½(x² + 10y²) from (1, 1), checked against a scalar
// transcription of the Adamax docs' algorithm (one copy per coordinate, see separable_reference)
// and, for the first steps, against arithmetic by hand.
#include <algorithm>
#include <cmath>

#include "optimizer_steps.hpp"

using lv::Vec;
using namespace lv::test;

namespace {

// torch.optim.Adamax docs, "Algorithm": g ← −g (maximize); g ← g + λθ;
// m ← β1 m + (1 − β1)g;  u ← max(β2 u, |g| + ε);  θ ← θ − γ m / ((1 − β1ᵗ) u).
struct ScalarAdamax {
  double lr = 2e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0.0;
  bool maximize = false;
  double m = 0.0, u = 0.0;
  int t = 0;

  double step(double x, double g) {
    ++t;
    g = decayed_gradient(x, g, lr, weight_decay, false, maximize);
    m = beta1 * m + (1.0 - beta1) * g;
    u = std::max(beta2 * u, std::abs(g) + eps);
    return x - lr * m / ((1.0 - std::pow(beta1, t)) * u);
  }
};

}  // namespace

TEST_CASE("adamax: defaults; the first step is lr·g/(|g| + eps)") {
  const auto x = check_against_reference("adamax", {}, ScalarAdamax{});
  check_iterate(x[0], {1.0 - 2e-3 / (1.0 + 1e-8), 1.0 - 2e-2 / (10.0 + 1e-8)});
}

TEST_CASE("adamax: u keeps the decayed maximum when |g| shrinks") {
  // lr 0.5 on y: y1 = 1 − 0.5·10/(10 + 1e-8) ≈ 0.5, g2 ≈ 5 < β2·u1 = 0.999·(10 + 1e-8), so
  // u2 = 0.999·(10 + 1e-8): the eps-free maximum branch of the rule.
  const ScalarAdamax rule{.lr = 0.5};
  const auto x = check_against_reference("adamax", {{"lr", "0.5"}}, rule);
  const double y1 = 1.0 - 5.0 / (10.0 + 1e-8);
  const double m2 = 0.9 * 1.0 + 0.1 * 10.0 * y1;  // m1 = 0.1·10
  CHECK(x[1][1] == doctest::Approx(y1 - 0.5 * m2 / (0.19 * 0.999 * (10.0 + 1e-8))).epsilon(1e-12));
}

TEST_CASE("adamax: weight decay and maximize") {
  const ScalarAdamax rule{
      .lr = 0.1, .beta2 = 0.5, .eps = 0.5, .weight_decay = 0.4, .maximize = true};
  const auto x = check_against_reference("adamax",
                                         {{"lr", "0.1"},
                                          {"beta2", "0.5"},
                                          {"eps", "0.5"},
                                          {"weight_decay", "0.4"},
                                          {"maximize", "true"}},
                                         rule);
  // step 1 by hand: g = −(1, 10) + 0.4 = (−0.6, −9.6), u = |g| + 0.5:
  // x1 = 1 + 0.1·0.6/1.1, y1 = 1 + 0.1·9.6/10.1
  check_iterate(x[0], {1.0 + 0.06 / 1.1, 1.0 + 0.96 / 10.1});
}
