#include "optim/radam.hpp"

#include <cmath>

namespace lv {

RAdam::RAdam()
    : Optimizer("radam", {learning_rate_parameter(1e-3), beta1_parameter(), beta2_parameter(),
                          eps_parameter(1e-8), weight_decay_parameter(),
                          decoupled_weight_decay_flag(), maximize_parameter()}) {}

void RAdam::reset(const Vec& x0) {
  const HyperParameters& p = hyperparameters();
  settings_ = {p.get("beta1"), p.get("beta2"), p.get("eps"), weight_decay_from(p),
               p.flag("maximize")};
  step_count_ = 0;
  direction_ = Vec::Zero(x0.size());
  first_moment_ = Vec::Zero(x0.size());
  second_moment_ = Vec::Zero(x0.size());
}

// torch.optim.RAdam, _single_tensor_radam (Liu et al. 2020, Algorithm 2):
//   g = ±∇f;  L2 or decoupled weight decay;  m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²;
//   m̂ = m / (1 − β1^t);  ρ∞ = 2/(1 − β2) − 1;  ρ_t = ρ∞ − 2t·β2^t / (1 − β2^t);
//   ρ_t > 5:  r = √((ρ_t − 4)(ρ_t − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ_t)),
//             x -= lr · m̂ · r · √(1 − β2^t) / (√v + eps)
//   else:     x -= lr · m̂
void RAdam::step(const StepContext& context, Vec& x) {
  const Settings& s = settings_;
  ++step_count_;
  signed_gradient(context.gradient, s.maximize, direction_);
  apply_weight_decay(s.weight_decay, context.learning_rate, x, direction_);
  update_first_moment(first_moment_, direction_, s.beta1);
  update_second_moment(second_moment_, direction_, s.beta2);
  const double t = static_cast<double>(step_count_);
  const double bias_correction1 = 1.0 - std::pow(s.beta1, t);
  const double bias_correction2 = 1.0 - std::pow(s.beta2, t);
  const double rho_infinity = 2.0 / (1.0 - s.beta2) - 1.0;
  const double rho = rho_infinity - 2.0 * t * std::pow(s.beta2, t) / bias_correction2;
  const double lr = context.learning_rate;
  if (rho <= 5.0) {
    x.array() -= first_moment_.array() / bias_correction1 * lr;
    return;
  }
  const double rectification = std::sqrt((rho - 4.0) * (rho - 2.0) * rho_infinity /
                                         ((rho_infinity - 4.0) * (rho_infinity - 2.0) * rho));
  x.array() -= first_moment_.array() / bias_correction1 * lr *
               (std::sqrt(bias_correction2) / (second_moment_.array().sqrt() + s.eps)) *
               rectification;
}

}  // namespace lv
