#include "optim/sgd.hpp"

#include <limits>

#include "common/errors.hpp"

namespace lv {

Sgd::Sgd()
    : Optimizer(
          "sgd",
          {learning_rate_parameter(1e-3),
           real_parameter("momentum", 0.0, 0.0, 0.999, 0.0, std::numeric_limits<double>::infinity(),
                          false, "momentum factor (heavy ball)"),
           real_parameter("dampening", 0.0, 0.0, 1.0, 0.0, 1.0, false,
                          "dampening for momentum: the new gradient is scaled by 1 - dampening"),
           weight_decay_parameter(),
           boolean_parameter("nesterov", false,
                             "Nesterov momentum (needs momentum > 0, dampening = 0)"),
           maximize_parameter()}) {}

void Sgd::reset(const Vec& x0) {
  const HyperParameters& p = hyperparameters();
  settings_ = {p.get("momentum"), p.get("dampening"), p.get("weight_decay"), p.flag("nesterov"),
               p.flag("maximize")};
  if (settings_.nesterov && (settings_.momentum <= 0.0 || settings_.dampening != 0.0)) {
    throw InputError("sgd: nesterov momentum requires momentum > 0 and dampening = 0");
  }
  momentum_buffer_ = Vec::Zero(x0.size());
  direction_ = Vec::Zero(x0.size());
  has_buffer_ = false;
}

// torch.optim.SGD, _single_tensor_sgd:
//   g = -∇f if maximize;  g += weight_decay·x;
//   b = g (first step) else momentum·b + (1 − dampening)·g;  g = g + momentum·b (nesterov) or b;
//   x -= lr·g
void Sgd::step(const StepContext& context, Vec& x) {
  const Settings& s = settings_;
  if (s.maximize) {
    direction_ = -context.gradient;
  } else {
    direction_ = context.gradient;
  }
  if (s.weight_decay != 0.0) direction_ += s.weight_decay * x;
  if (s.momentum != 0.0) {
    if (!has_buffer_) {
      momentum_buffer_ = direction_;
      has_buffer_ = true;
    } else {
      momentum_buffer_ = s.momentum * momentum_buffer_ + (1.0 - s.dampening) * direction_;
    }
    if (s.nesterov) {
      direction_ += s.momentum * momentum_buffer_;
    } else {
      direction_ = momentum_buffer_;
    }
  }
  x -= context.learning_rate * direction_;
}

void Sgd::visit_state(const std::function<void(Vec&)>& visit) {
  visit(momentum_buffer_);
}

}  // namespace lv
