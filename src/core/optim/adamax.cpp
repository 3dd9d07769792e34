#include "optim/adamax.hpp"

#include <cmath>

#include "optim/gradient_terms.hpp"

namespace lv {

Adamax::Adamax()
    : Optimizer("adamax", {learning_rate_parameter(2e-3), beta1_parameter(), beta2_parameter(),
                           eps_parameter(1e-8), weight_decay_parameter(), maximize_parameter()}) {}

void Adamax::reset(const Vec& x0) {
  const HyperParameters& p = hyperparameters();
  settings_ = {p.get("beta1"), p.get("beta2"), p.get("eps"), p.get("weight_decay"),
               p.flag("maximize")};
  step_count_ = 0;
  direction_ = Vec::Zero(x0.size());
  first_moment_ = Vec::Zero(x0.size());
  infinity_norm_ = Vec::Zero(x0.size());
}

// torch.optim.Adamax, _single_tensor_adamax:
//   g = ±∇f + wd·x;  m = β1·m + (1 − β1)·g;  u = max(β2·u, |g| + eps);
//   x -= lr / (1 − β1^t) · m / u
void Adamax::step(const StepContext& context, Vec& x) {
  const Settings& s = settings_;
  ++step_count_;
  signed_gradient(context.gradient, s.maximize, direction_);
  apply_weight_decay({s.weight_decay, false}, context.learning_rate, x, direction_);
  update_first_moment(first_moment_, direction_, s.beta1);
  infinity_norm_.array() = (s.beta2 * infinity_norm_.array()).max(direction_.array().abs() + s.eps);
  const double step_size =
      context.learning_rate / (1.0 - std::pow(s.beta1, static_cast<double>(step_count_)));
  x.array() -= step_size * first_moment_.array() / infinity_norm_.array();
}

}  // namespace lv
