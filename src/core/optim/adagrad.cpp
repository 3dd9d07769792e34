#include "optim/adagrad.hpp"

#include <limits>

#include "optim/gradient_terms.hpp"

namespace lv {

namespace {
constexpr double k_infinity = std::numeric_limits<double>::infinity();
}

Adagrad::Adagrad()
    : Optimizer("adagrad",
                {learning_rate_parameter(1e-2),
                 real_parameter("lr_decay", 0.0, 0.0, 0.1, 0.0, k_infinity, false,
                                "the step-t learning rate is lr / (1 + (t - 1) * lr_decay)"),
                 weight_decay_parameter(),
                 real_parameter("initial_accumulator_value", 0.0, 0.0, 1.0, 0.0, k_infinity, false,
                                "starting value of the running sum of squared gradients"),
                 eps_parameter(1e-10), maximize_parameter()}) {}

void Adagrad::reset(const Vec& x0) {
  const HyperParameters& p = hyperparameters();
  settings_ = {p.get("lr_decay"), p.get("weight_decay"), p.get("initial_accumulator_value"),
               p.get("eps"), p.flag("maximize")};
  step_count_ = 0;
  direction_ = Vec::Zero(x0.size());
  sum_of_squares_ = Vec::Constant(x0.size(), settings_.initial_accumulator_value);
}

// torch.optim.Adagrad, _single_tensor_adagrad:
//   g = ±∇f + wd·x;  clr = lr / (1 + (t − 1)·lr_decay);  s += g²;  x -= clr · g / (√s + eps)
void Adagrad::step(const StepContext& context, Vec& x) {
  const Settings& s = settings_;
  ++step_count_;
  signed_gradient(context.gradient, s.maximize, direction_);
  apply_weight_decay({s.weight_decay, false}, context.learning_rate, x, direction_);
  const double decayed_rate =
      context.learning_rate / (1.0 + static_cast<double>(step_count_ - 1) * s.lr_decay);
  sum_of_squares_ += direction_.cwiseAbs2();
  x.array() -= decayed_rate * direction_.array() / (sum_of_squares_.array().sqrt() + s.eps);
}

void Adagrad::visit_state(const std::function<void(Vec&)>& visit) {
  visit(sum_of_squares_);
}

}  // namespace lv
