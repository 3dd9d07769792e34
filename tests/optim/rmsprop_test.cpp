// torch.optim.RMSprop: the first steps on f = ½(x² + 10y²) from (1, 1), checked against a scalar
// transcription of the RMSprop docs' algorithm (one copy per coordinate, see
// separable_reference) and, for the first step, against arithmetic by hand.
#include <cmath>

#include "optimizer_steps.hpp"

using lv::Vec;
using namespace lv::test;

namespace {

// torch.optim.RMSprop docs, "Algorithm": g ← −g (maximize); g ← g + λθ;
// v ← αv + (1 − α)g²;  ṽ = v, or v − ḡ² with ḡ ← αḡ + (1 − α)g when centered;
// momentum μ > 0: b ← μb + g/(√ṽ + ε), θ ← θ − γb;  else θ ← θ − γ g/(√ṽ + ε).
struct ScalarRmsProp {
  double lr = 1e-2, alpha = 0.99, eps = 1e-8, weight_decay = 0.0, momentum = 0.0;
  bool centered = false, maximize = false;
  double v = 0.0, g_average = 0.0, buffer = 0.0;

  double step(double x, double g) {
    g = decayed_gradient(x, g, lr, weight_decay, false, maximize);
    v = alpha * v + (1.0 - alpha) * g * g;
    double v_tilde = v;
    if (centered) {
      g_average = alpha * g_average + (1.0 - alpha) * g;
      v_tilde -= g_average * g_average;
    }
    const double scaled = g / (std::sqrt(v_tilde) + eps);
    if (momentum <= 0.0) return x - lr * scaled;
    buffer = momentum * buffer + scaled;
    return x - lr * buffer;
  }
};

}  // namespace

TEST_CASE("rmsprop: defaults; the first step is lr·g/(0.1|g| + eps)") {
  const auto x = check_against_reference("rmsprop", {}, ScalarRmsProp{});
  // v = 0.01·g² → √v = 0.1|g|: x1 = 1 − 0.01·1/(0.1 + 1e-8), y1 = 1 − 0.01·10/(1 + 1e-8)
  check_iterate(x[0], {1.0 - 0.01 / (0.1 + 1e-8), 1.0 - 0.1 / (1.0 + 1e-8)});
}

TEST_CASE("rmsprop: centered with momentum") {
  const ScalarRmsProp rule{.lr = 0.01, .alpha = 0.9, .momentum = 0.9, .centered = true};
  const auto x = check_against_reference(
      "rmsprop", {{"alpha", "0.9"}, {"momentum", "0.9"}, {"centered", "true"}}, rule);
  // step 1 by hand: v = 0.1g², ḡ = 0.1g, ṽ = 0.1g² − 0.01g² = 0.09g² → √ṽ = 0.3|g|;
  // b = g/(0.3|g| + 1e-8): x1 = 1 − 0.01/(0.3 + 1e-8), y1 = 1 − 0.1/(3 + 1e-8)
  check_iterate(x[0], {1.0 - 0.01 / (0.3 + 1e-8), 1.0 - 0.1 / (3.0 + 1e-8)});
}

TEST_CASE("rmsprop: plain momentum, weight decay and maximize") {
  const ScalarRmsProp rule{.eps = 0.1, .weight_decay = 0.3, .momentum = 0.5, .maximize = true};
  const auto x = check_against_reference(
      "rmsprop",
      {{"eps", "0.1"}, {"momentum", "0.5"}, {"weight_decay", "0.3"}, {"maximize", "true"}}, rule);
  // step 1 by hand: g = −(1, 10) + 0.3 = (−0.7, −9.7), √v = 0.1|g|, eps added after the root:
  // x1 = 1 + 0.01·0.7/(0.07 + 0.1), y1 = 1 + 0.01·9.7/(0.97 + 0.1)
  check_iterate(x[0], {1.0 + 0.007 / 0.17, 1.0 + 0.097 / 1.07});
}
