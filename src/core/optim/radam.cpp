#include "optim/radam.hpp"

#include <cmath>

namespace lv {

RAdam::RAdam()
    : Optimizer("radam", {learning_rate_parameter(1e-3), beta1_parameter(), beta2_parameter(),
                          eps_parameter(1e-8), weight_decay_parameter(),
                          decoupled_weight_decay_flag(), maximize_parameter()}) {}

void RAdam::reset(const Vec& x0) {
  settings_ = read_adam_settings(hyperparameters());
  moments_.reset(x0.size());
}

// torch.optim.RAdam, _single_tensor_radam (Liu et al. 2020, Algorithm 2):
//   g = ±∇f;  L2 or decoupled weight decay;  m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²;
//   m̂ = m / (1 − β1^t);  ρ∞ = 2/(1 − β2) − 1;  ρ_t = ρ∞ − 2t·β2^t / (1 − β2^t);
//   ρ_t > 5:  r = √((ρ_t − 4)(ρ_t − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ_t)),
//             x -= lr · m̂ · r · √(1 − β2^t) / (√v + eps)
//   else:     x -= lr · m̂
void RAdam::step(const StepContext& context, Vec& x) {
  const AdamSettings& s = settings_;
  moments_.advance(s, context, x);
  const double t = moments_.step_count();
  const double bias_correction1 = 1.0 - std::pow(s.beta1, t);
  const double beta2_power = std::pow(s.beta2, t);
  const double bias_correction2 = 1.0 - beta2_power;
  const double rho_infinity = 2.0 / (1.0 - s.beta2) - 1.0;
  const double rho = rho_infinity - 2.0 * t * beta2_power / bias_correction2;
  const double lr = context.learning_rate;
  if (rho <= 5.0) {
    x.array() -= moments_.first_moment().array() / bias_correction1 * lr;
    return;
  }
  const double rectification = std::sqrt((rho - 4.0) * (rho - 2.0) * rho_infinity /
                                         ((rho_infinity - 4.0) * (rho_infinity - 2.0) * rho));
  x.array() -= moments_.first_moment().array() / bias_correction1 * lr *
               (std::sqrt(bias_correction2) / (moments_.second_moment().array().sqrt() + s.eps)) *
               rectification;
}

void RAdam::visit_state(const std::function<void(Vec&)>& visit) {
  moments_.visit_state(visit);
}

}  // namespace lv
