#include "optim/stability_limit.hpp"

#include "optim/line_search.hpp"

namespace lv {

// On f = ½λx² write a = ηλ(1 − τ) (the gradient's share of one step) and c = η·b for the
// momentum buffer b; torch.optim.SGD's steady state is a linear map of (x, c) whose
// characteristic polynomial z² + p z + q is stable iff |q| < 1, 1 + p + q > 0 and 1 − p + q > 0
// (the Jury conditions for degree 2).
//   heavy ball:  c' = βc + a x,  x' = x − c' = (1 − a)x − βc;  p = a − 1 − β, q = β.
//                1 − p + q = 2 + 2β − a > 0  ⇔  a < 2 + 2β  (β = 0: plain GD, a < 2).
//   Nesterov:    c' = βc + a x,  x' = x − a x − βc' = (1 − a − aβ)x − β²c;
//                p = a(1 + β) − 1 − β, q = β(1 − a).  1 + p + q = a > 0 always;
//                1 − p + q = 2 + 2β − a(1 + 2β) > 0  ⇔  a < (2 + 2β)/(1 + 2β), which is
//                below the bound |q| < 1 ⇔ a < (1 + β)/β, so it is the limit.
// Weight decay w turns λ into λ + w, so the limit on λ is the one above minus w.
std::optional<double> sgd_stability_limit(double learning_rate, double momentum, double dampening,
                                          bool nesterov, double weight_decay) {
  if (!(learning_rate > 0.0)) return std::nullopt;
  double gain = learning_rate;  // a = gain·λ
  double limit_of_a = 2.0;
  if (momentum != 0.0) {
    gain *= 1.0 - dampening;
    if (!(gain > 0.0)) return std::nullopt;
    limit_of_a = nesterov ? (2.0 + 2.0 * momentum) / (1.0 + 2.0 * momentum) : 2.0 + 2.0 * momentum;
  }
  return limit_of_a / gain - weight_decay;
}

std::optional<double> stability_limit(const Optimizer& optimizer, double learning_rate) {
  const HyperParameters& p = optimizer.hyperparameters();
  if (optimizer.name() == "sgd") {
    if (p.flag("maximize")) return std::nullopt;  // ascent: no curvature limit for a minimum
    return sgd_stability_limit(learning_rate, p.get("momentum"), p.get("dampening"),
                               p.flag("nesterov"), p.get("weight_decay"));
  }
  if (optimizer.name() == "gd") {
    if (p.integer("line_search") != static_cast<int>(LineSearchKind::None)) return std::nullopt;
    return sgd_stability_limit(learning_rate, 0.0, 0.0, false);
  }
  return std::nullopt;
}

}  // namespace lv
