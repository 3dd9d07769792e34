#include "optim/adam.hpp"

#include <cmath>

namespace lv {

std::vector<HyperParameter> adam_parameters(double learning_rate, HyperParameter weight_decay) {
  return {learning_rate_parameter(learning_rate),
          beta1_parameter(),
          beta2_parameter(),
          eps_parameter(1e-8),
          std::move(weight_decay),
          boolean_parameter("amsgrad", false,
                            "AMSGrad: divide by the running maximum of the second moment"),
          maximize_parameter()};
}

Adam::Adam() : Adam("adam", adam_parameters(1e-3, weight_decay_parameter()), false) {}

Adam::Adam(std::string name, std::vector<HyperParameter> descriptors, bool decoupled)
    : Optimizer(std::move(name), std::move(descriptors)), decoupled_(decoupled) {}

void Adam::reset(const Vec& x0) {
  settings_ = read_adam_settings(hyperparameters());
  settings_.weight_decay.decoupled = decoupled_;
  amsgrad_ = hyperparameters().flag("amsgrad");
  moments_.reset(x0.size());
  max_second_moment_ = Vec::Zero(x0.size());
}

// torch.optim.Adam / AdamW, _single_tensor_adam (Kingma & Ba 2015, Algorithm 1, with the
// efficient form of the bias correction from its Section 2):
//   g = ±∇f;  g += wd·x (Adam) or x ← x(1 − lr·wd) (AdamW);
//   m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²;  v_max = max(v_max, v) (amsgrad);
//   denom = √v / √(1 − β2^t) + eps;  x -= lr / (1 − β1^t) · m / denom
void Adam::step(const StepContext& context, Vec& x) {
  const AdamSettings& s = settings_;
  moments_.advance(s, context, x);
  const double t = moments_.step_count();
  const double step_size = context.learning_rate / (1.0 - std::pow(s.beta1, t));
  const double bias_correction2_sqrt = std::sqrt(1.0 - std::pow(s.beta2, t));
  if (amsgrad_) max_second_moment_ = max_second_moment_.cwiseMax(moments_.second_moment());
  const Vec& second_moment = amsgrad_ ? max_second_moment_ : moments_.second_moment();
  x.array() -= step_size * moments_.first_moment().array() /
               (second_moment.array().sqrt() / bias_correction2_sqrt + s.eps);
}

// P = √(v/(1 − β2^t)) + ε, the denominator of the last step (max v for AMSGrad).
bool Adam::preconditioner(DiagonalPreconditioner& out) const {
  const double t = moments_.step_count();
  if (t < 1) return false;
  const Vec& second_moment = amsgrad_ ? max_second_moment_ : moments_.second_moment();
  out.diagonal =
      (second_moment.array() / (1.0 - std::pow(settings_.beta2, t))).sqrt() + settings_.eps;
  out.beta1 = settings_.beta1;
  return true;
}

void Adam::visit_state(const std::function<void(Vec&)>& visit) {
  moments_.visit_state(visit);
  visit(max_second_moment_);
}

}  // namespace lv
