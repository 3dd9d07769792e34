// torch.optim.Adadelta: the first steps on f = ½(x² + 10y²) from (1, 1), checked against a scalar
// transcription of the Adadelta docs' algorithm (one copy per coordinate, see
// separable_reference) and, for the first step, against arithmetic by hand.
#include <cmath>

#include "optimizer_steps.hpp"

using lv::Vec;
using namespace lv::test;

namespace {

// torch.optim.Adadelta docs, "Algorithm": g ← −g (maximize); g ← g + λθ;
// v ← ρv + (1 − ρ)g²;  Δx = √(u + ε)/√(v + ε) · g;  u ← ρu + (1 − ρ)Δx²;  θ ← θ − γΔx.
struct ScalarAdadelta {
  double lr = 1.0, rho = 0.9, eps = 1e-6, weight_decay = 0.0;
  bool maximize = false;
  double v = 0.0, u = 0.0;

  double step(double x, double g) {
    g = decayed_gradient(x, g, lr, weight_decay, false, maximize);
    v = rho * v + (1.0 - rho) * g * g;
    const double delta = std::sqrt(u + eps) / std::sqrt(v + eps) * g;
    u = rho * u + (1.0 - rho) * delta * delta;
    return x - lr * delta;
  }
};

}  // namespace

TEST_CASE("adadelta: defaults; the first step is √eps/√(0.1g² + eps)·g") {
  const auto x = check_against_reference("adadelta", {}, ScalarAdadelta{});
  // v = 0.1·g² = (0.1, 10), u = 0: x1 = 1 − 1e-3/√0.100001, y1 = 1 − 1e-3·10/√10.000001
  check_iterate(x[0], {1.0 - 1e-3 / std::sqrt(0.100001), 1.0 - 1e-2 / std::sqrt(10.000001)});
}

TEST_CASE("adadelta: lr, rho, weight decay and maximize") {
  const ScalarAdadelta rule{
      .lr = 0.5, .rho = 0.5, .eps = 1e-2, .weight_decay = 0.1, .maximize = true};
  check_against_reference("adadelta",
                          {{"lr", "0.5"},
                           {"rho", "0.5"},
                           {"eps", "1e-2"},
                           {"weight_decay", "0.1"},
                           {"maximize", "true"}},
                          rule);
}
