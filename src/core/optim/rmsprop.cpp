#include "optim/rmsprop.hpp"

#include <limits>

#include "optim/gradient_terms.hpp"

namespace lv {

namespace {
constexpr double k_infinity = std::numeric_limits<double>::infinity();
}

RmsProp::RmsProp()
    : Optimizer(
          "rmsprop",
          {learning_rate_parameter(1e-2),
           real_parameter("alpha", 0.99, 0.0, 0.999, 0.0, k_infinity, false,
                          "smoothing constant of the running average of g^2"),
           eps_parameter(1e-8), weight_decay_parameter(),
           real_parameter("momentum", 0.0, 0.0, 0.999, 0.0, k_infinity, false,
                          "momentum factor applied to the scaled step"),
           boolean_parameter("centered", false,
                             "divide by the estimated variance of g instead of its second moment"),
           maximize_parameter()}) {}

void RmsProp::reset(const Vec& x0) {
  const HyperParameters& p = hyperparameters();
  settings_ = {p.get("alpha"),    p.get("eps"),       p.get("weight_decay"),
               p.get("momentum"), p.flag("centered"), p.flag("maximize")};
  direction_ = Vec::Zero(x0.size());
  square_average_ = Vec::Zero(x0.size());
  gradient_average_ = Vec::Zero(x0.size());
  denominator_ = Vec::Zero(x0.size());
  momentum_buffer_ = Vec::Zero(x0.size());
}

// torch.optim.RMSprop, _single_tensor_rmsprop:
//   g = ±∇f + wd·x;  v = α·v + (1 − α)·g²;
//   centered: ḡ = α·ḡ + (1 − α)·g,  avg = √(v − ḡ²) + eps;  else avg = √v + eps;
//   momentum > 0: b = μ·b + g/avg, x -= lr·b;  else x -= lr·g/avg
void RmsProp::step(const StepContext& context, Vec& x) {
  const Settings& s = settings_;
  signed_gradient(context.gradient, s.maximize, direction_);
  apply_weight_decay({s.weight_decay, false}, context.learning_rate, x, direction_);
  update_second_moment(square_average_, direction_, s.alpha);
  if (s.centered) {
    update_first_moment(gradient_average_, direction_, s.alpha);
    denominator_.array() = (square_average_ - gradient_average_.cwiseAbs2()).array().sqrt() + s.eps;
  } else {
    denominator_.array() = square_average_.array().sqrt() + s.eps;
  }
  if (s.momentum > 0.0) {
    momentum_buffer_.array() =
        s.momentum * momentum_buffer_.array() + direction_.array() / denominator_.array();
    x -= context.learning_rate * momentum_buffer_;
  } else {
    x.array() -= context.learning_rate * direction_.array() / denominator_.array();
  }
}

void RmsProp::visit_state(const std::function<void(Vec&)>& visit) {
  visit(square_average_);
  visit(gradient_average_);
  visit(momentum_buffer_);
}

}  // namespace lv
