// torch.optim.NAdam: the first steps on f = ½(x² + 10y²) from (1, 1), checked against a scalar
// transcription of the NAdam docs' algorithm (one copy per coordinate, see separable_reference)
// and, for the first step, against arithmetic by hand.
#include <cmath>

#include "optimizer_steps.hpp"

using lv::Vec;
using namespace lv::test;

namespace {

// torch.optim.NAdam docs, "Algorithm": g ← −g (maximize); g ← g + λθ, or θ ← θ(1 − γλ) when
// decoupled_weight_decay;  μ_t = β1(1 − ½·0.96^(tψ)),  μ_{t+1} = β1(1 − ½·0.96^((t+1)ψ));
// m ← β1 m + (1 − β1)g;  v ← β2 v + (1 − β2)g²;  v̂ = v/(1 − β2ᵗ);
// θ ← θ − γ(1 − μ_t)/(1 − Π_{i≤t} μ_i) · g/(√v̂ + ε) − γ μ_{t+1}/(1 − Π_{i≤t+1} μ_i) · m/(√v̂ + ε).
struct ScalarNAdam {
  double lr = 2e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0.0;
  double momentum_decay = 4e-3;
  bool decoupled = false, maximize = false;
  double m = 0.0, v = 0.0, mu_product = 1.0;
  int t = 0;

  double mu(int step) const { return beta1 * (1.0 - 0.5 * std::pow(0.96, step * momentum_decay)); }

  double step(double x, double g) {
    ++t;
    g = decayed_gradient(x, g, lr, weight_decay, decoupled, maximize);
    mu_product *= mu(t);
    update_moments(m, v, g, beta1, beta2);
    const double denominator = std::sqrt(v / (1.0 - std::pow(beta2, t))) + eps;
    return x - lr * (1.0 - mu(t)) / (1.0 - mu_product) * g / denominator -
           lr * mu(t + 1) / (1.0 - mu_product * mu(t + 1)) * m / denominator;
  }
};

}  // namespace

TEST_CASE("nadam: defaults; first step lr(1 + 0.1·μ2/(1 − μ1μ2))·g/(|g| + eps)") {
  const auto x = check_against_reference("nadam", {}, ScalarNAdam{});
  // t = 1: Π = μ1 so (1 − μ1)/(1 − Π) = 1; m = 0.1g; √v̂ = |g|.
  const double mu1 = 0.9 * (1.0 - 0.5 * std::pow(0.96, 0.004));
  const double mu2 = 0.9 * (1.0 - 0.5 * std::pow(0.96, 0.008));
  const double scale = 2e-3 * (1.0 + 0.1 * mu2 / (1.0 - mu1 * mu2));
  check_iterate(x[0], {1.0 - scale / (1.0 + 1e-8), 1.0 - scale * 10.0 / (10.0 + 1e-8)});
}

TEST_CASE("nadam: fast momentum decay, L2 weight decay, maximize") {
  check_against_reference(
      "nadam",
      {{"lr", "0.1"}, {"momentum_decay", "0.5"}, {"weight_decay", "0.2"}, {"maximize", "true"}},
      ScalarNAdam{.lr = 0.1, .weight_decay = 0.2, .momentum_decay = 0.5, .maximize = true});
}

TEST_CASE("nadam: decoupled weight decay; a large eps added after √v̂") {
  const auto x = check_against_reference(
      "nadam",
      {{"lr", "0.1"},
       {"beta2", "0.9"},
       {"eps", "0.5"},
       {"weight_decay", "0.5"},
       {"decoupled_weight_decay", "true"}},
      ScalarNAdam{.lr = 0.1, .beta2 = 0.9, .eps = 0.5, .weight_decay = 0.5, .decoupled = true});
  // first step: x ← 1·(1 − 0.1·0.5) = 0.95 before the NAdam step on the unchanged g = (1, 10),
  // whose denominator is √v̂ + eps = |g| + 0.5
  const double mu1 = 0.9 * (1.0 - 0.5 * std::pow(0.96, 0.004));
  const double mu2 = 0.9 * (1.0 - 0.5 * std::pow(0.96, 0.008));
  const double scale = 0.1 * (1.0 + 0.1 * mu2 / (1.0 - mu1 * mu2));
  check_iterate(x[0], {0.95 - scale / 1.5, 0.95 - scale * 10.0 / 10.5});
}
