#include "optim/nadam.hpp"

#include <cmath>
#include <limits>

namespace lv {

NAdam::NAdam()
    : Optimizer("nadam",
                {learning_rate_parameter(2e-3), beta1_parameter(), beta2_parameter(),
                 eps_parameter(1e-8), weight_decay_parameter(),
                 real_parameter("momentum_decay", 4e-3, 0.0, 0.1, 0.0,
                                std::numeric_limits<double>::infinity(), false,
                                "psi: how fast the momentum schedule mu_t approaches beta1"),
                 decoupled_weight_decay_flag(), maximize_parameter()}) {}

void NAdam::reset(const Vec& x0) {
  settings_ = read_adam_settings(hyperparameters());
  momentum_decay_ = hyperparameters().get("momentum_decay");
  moments_.reset(x0.size());
  mu_product_ = 1.0;
  next_mu_ = momentum_coefficient(1.0);
}

double NAdam::momentum_coefficient(double step) const {
  return settings_.beta1 * (1.0 - 0.5 * std::pow(0.96, step * momentum_decay_));
}

// torch.optim.NAdam, _single_tensor_nadam (the class docs' algorithm):
//   g = ±∇f;  L2 or decoupled weight decay;  m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²;
//   μ_t = β1(1 − ½·0.96^(t·ψ)),  μ_{t+1} = β1(1 − ½·0.96^((t+1)·ψ)),  Π_t = Π_{t−1}·μ_t;
//   denom = √(v / (1 − β2^t)) + eps;
//   x -= lr(1 − μ_t)/(1 − Π_t) · g/denom + lr·μ_{t+1}/(1 − Π_t·μ_{t+1}) · m/denom
void NAdam::step(const StepContext& context, Vec& x) {
  const AdamSettings& s = settings_;
  moments_.advance(s, context, x);
  const double t = moments_.step_count();
  const double bias_correction2 = 1.0 - std::pow(s.beta2, t);
  const double mu = next_mu_;
  const double mu_next = momentum_coefficient(t + 1.0);
  next_mu_ = mu_next;
  mu_product_ *= mu;
  const double mu_product_next = mu_product_ * mu_next;
  const double lr = context.learning_rate;
  const double gradient_weight = lr * (1.0 - mu) / (1.0 - mu_product_);
  const double momentum_weight = lr * mu_next / (1.0 - mu_product_next);
  const auto denominator = (moments_.second_moment().array() / bias_correction2).sqrt() + s.eps;
  x.array() -= gradient_weight * moments_.direction().array() / denominator;
  x.array() -= momentum_weight * moments_.first_moment().array() / denominator;
}

void NAdam::visit_state(const std::function<void(Vec&)>& visit) {
  moments_.visit_state(visit);
}

}  // namespace lv
