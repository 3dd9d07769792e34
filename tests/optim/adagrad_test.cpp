// torch.optim.Adagrad: the first steps on f = ½(x² + 10y²) from (1, 1), checked against a scalar
// transcription of the Adagrad docs' algorithm (one copy per coordinate, see separable_reference)
// and, for the first step, against arithmetic by hand.
#include <cmath>

#include "optimizer_steps.hpp"

using lv::Vec;
using namespace lv::test;

namespace {

// torch.optim.Adagrad docs, "Algorithm": g ← −g (maximize); g ← g + λθ;
// γ̃ = γ / (1 + (t − 1)η);  state_sum ← state_sum + g²;  θ ← θ − γ̃ g / (√state_sum + ε),
// state_sum starting at initial_accumulator_value.
struct ScalarAdagrad {
  double lr = 1e-2, lr_decay = 0.0, weight_decay = 0.0, eps = 1e-10;
  bool maximize = false;
  double state_sum = 0.0;
  int t = 0;

  double step(double x, double g) {
    ++t;
    g = decayed_gradient(x, g, lr, weight_decay, false, maximize);
    const double clr = lr / (1.0 + (t - 1) * lr_decay);
    state_sum += g * g;
    return x - clr * g / (std::sqrt(state_sum) + eps);
  }
};

}  // namespace

TEST_CASE("adagrad: defaults; the first step is lr·g/(|g| + eps)") {
  const auto x = check_against_reference("adagrad", {}, ScalarAdagrad{});
  // state_sum = g² = (1, 100): x1 = 1 − 0.01·1/(1 + 1e-10), y1 = 1 − 0.01·10/(10 + 1e-10)
  check_iterate(x[0], {1.0 - 0.01 / (1.0 + 1e-10), 1.0 - 0.1 / (10.0 + 1e-10)});
  // second step by hand on x: g = 0.99, state_sum = 1 + 0.9801 = 1.9801 → x2 = 0.99 −
  // 0.0099/√1.9801
  CHECK(x[1][0] == doctest::Approx(0.99 - 0.0099 / std::sqrt(1.9801)).epsilon(1e-9));
}

TEST_CASE("adagrad: lr_decay and initial_accumulator_value") {
  const ScalarAdagrad rule{.lr = 0.5, .lr_decay = 0.5, .state_sum = 3.0};
  const auto x = check_against_reference(
      "adagrad", {{"lr", "0.5"}, {"lr_decay", "0.5"}, {"initial_accumulator_value", "3"}}, rule);
  // step 1 (clr = 0.5): x1 = 1 − 0.5·1/(√(3 + 1) + 1e-10) = 0.75, y1 = 1 − 5/(√103 + 1e-10)
  check_iterate(x[0], {1.0 - 0.5 / (2.0 + 1e-10), 1.0 - 5.0 / (std::sqrt(103.0) + 1e-10)});
  // step 2 on x: clr = 0.5/1.5, g = 0.75, state_sum = 4.5625 → x2 = 0.75 − (1/3)·0.75/√4.5625
  CHECK(x[1][0] == doctest::Approx(0.75 - 0.25 / std::sqrt(4.5625)).epsilon(1e-9));
}

TEST_CASE("adagrad: weight decay and maximize") {
  const ScalarAdagrad rule{.lr = 0.1, .weight_decay = 0.2, .eps = 0.5, .maximize = true};
  check_against_reference(
      "adagrad", {{"lr", "0.1"}, {"weight_decay", "0.2"}, {"eps", "0.5"}, {"maximize", "true"}},
      rule);
}
