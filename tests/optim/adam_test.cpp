// torch.optim.Adam and AdamW: the first steps on f = ½(x² + 10y²) from (1, 1), checked against a
// scalar transcription of _single_tensor_adam / the Adam docs' algorithm (one copy per
// coordinate, see separable_reference) and, for the first step, against arithmetic by hand.
#include <algorithm>
#include <cmath>

#include "optimizer_steps.hpp"

using lv::Vec;
using namespace lv::test;

namespace {

// torch.optim.Adam docs, "Algorithm": g ← −g (maximize); g ← g + λθ, or θ ← θ(1 − γλ) for AdamW;
// m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²;  m̂ = m/(1 − β1ᵗ);  v̂ = v/(1 − β2ᵗ);
// amsgrad: the implementation keeps the running max of the raw v and divides it by (1 − β2ᵗ);
// θ ← θ − γ m̂ / (√v̂ + ε).
struct ScalarAdam {
  double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0.0;
  bool decoupled = false, amsgrad = false, maximize = false;
  double m = 0.0, v = 0.0, v_max = 0.0;
  int t = 0;

  double step(double x, double g) {
    ++t;
    g = decayed_gradient(x, g, lr, weight_decay, decoupled, maximize);
    update_moments(m, v, g, beta1, beta2);
    v_max = std::max(v_max, v);
    const double m_hat = m / (1.0 - std::pow(beta1, t));
    const double v_hat = (amsgrad ? v_max : v) / (1.0 - std::pow(beta2, t));
    return x - lr * m_hat / (std::sqrt(v_hat) + eps);
  }
};

}  // namespace

TEST_CASE("adam: defaults; the first step is lr·g/(|g| + eps) (m̂ = g, v̂ = g²)") {
  const auto x = check_against_reference("adam", {}, ScalarAdam{});
  // g = (1, 10): x1 = 1 − 1e-3·1/(1 + 1e-8), y1 = 1 − 1e-3·10/(10 + 1e-8)
  check_iterate(x[0], {1.0 - 1e-3 / (1.0 + 1e-8), 1.0 - 1e-2 / (10.0 + 1e-8)});
}

TEST_CASE("adam: larger steps, L2 weight decay added to the gradient, other betas, large eps") {
  const auto x = check_against_reference(
      "adam",
      {{"lr", "0.1"}, {"beta1", "0.8"}, {"beta2", "0.9"}, {"eps", "0.5"}, {"weight_decay", "0.5"}},
      ScalarAdam{.lr = 0.1, .beta1 = 0.8, .beta2 = 0.9, .eps = 0.5, .weight_decay = 0.5});
  // first step by hand: g = ∇f + 0.5·x = (1.5, 10.5); √v/√(1 − β2) = |g|, eps added after the
  // root: x1 = 1 − 0.1·1.5/(1.5 + 0.5) = 0.925, y1 = 1 − 0.1·10.5/(10.5 + 0.5)
  check_iterate(x[0], {0.925, 1.0 - 1.05 / 11.0});
}

TEST_CASE("adam: amsgrad divides by the running maximum of v") {
  // lr 0.5 and beta2 0.5 make v fall at step 2 on the stiff coordinate (g: 10 → ≈5), so the
  // maximum differs from v: v1 = ½·100 = 50, v2 = ½·50 + ½·g2² < 50.
  const auto with_max =
      check_against_reference("adam", {{"lr", "0.5"}, {"beta2", "0.5"}, {"amsgrad", "true"}},
                              ScalarAdam{.lr = 0.5, .beta2 = 0.5, .amsgrad = true});
  const auto without_max = check_against_reference("adam", {{"lr", "0.5"}, {"beta2", "0.5"}},
                                                   ScalarAdam{.lr = 0.5, .beta2 = 0.5});
  CHECK(with_max[0] == without_max[0]);  // identical until v first decreases
  CHECK(std::abs(with_max[1][1] - without_max[1][1]) > 1e-3);
}

TEST_CASE("adam: maximize climbs by negating the gradient first") {
  const auto x = check_against_reference("adam", {{"maximize", "true"}, {"weight_decay", "0.1"}},
                                         ScalarAdam{.weight_decay = 0.1, .maximize = true});
  // g = −(1, 10) + 0.1·(1, 1) = (−0.9, −9.9): x1 = 1 + 1e-3·0.9/(0.9 + 1e-8)
  check_iterate(x[0], {1.0 + 9e-4 / (0.9 + 1e-8), 1.0 + 9.9e-3 / (9.9 + 1e-8)});
}

TEST_CASE("adamw: decoupled weight decay x ← x(1 − lr·wd) first (default wd 1e-2)") {
  const auto x =
      check_against_reference("adamw", {}, ScalarAdam{.weight_decay = 1e-2, .decoupled = true});
  // x ← 1·(1 − 1e-3·1e-2) = 0.99999, then the Adam step on the unchanged g = (1, 10)
  check_iterate(x[0], {0.99999 - 1e-3 / (1.0 + 1e-8), 0.99999 - 1e-2 / (10.0 + 1e-8)});
}

TEST_CASE("adamw: large decoupled decay with amsgrad and maximize") {
  check_against_reference("adamw",
                          {{"lr", "0.5"},
                           {"beta2", "0.5"},
                           {"weight_decay", "0.4"},
                           {"amsgrad", "true"},
                           {"maximize", "true"}},
                          ScalarAdam{.lr = 0.5,
                                     .beta2 = 0.5,
                                     .weight_decay = 0.4,
                                     .decoupled = true,
                                     .amsgrad = true,
                                     .maximize = true});
}
