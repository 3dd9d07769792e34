#include "optim/adadelta.hpp"

#include "optim/gradient_terms.hpp"

namespace lv {

Adadelta::Adadelta()
    : Optimizer(
          "adadelta",
          {learning_rate_parameter(1.0),
           real_parameter("rho", 0.9, 0.0, 0.999, 0.0, 1.0, false,
                          "decay rate of the running averages of g^2 and of the squared updates"),
           eps_parameter(1e-6), weight_decay_parameter(), maximize_parameter()}) {}

void Adadelta::reset(const Vec& x0) {
  const HyperParameters& p = hyperparameters();
  settings_ = {p.get("rho"), p.get("eps"), p.get("weight_decay"), p.flag("maximize")};
  direction_ = Vec::Zero(x0.size());
  square_average_ = Vec::Zero(x0.size());
  accumulated_updates_ = Vec::Zero(x0.size());
  delta_ = Vec::Zero(x0.size());
}

// torch.optim.Adadelta, _single_tensor_adadelta:
//   g = ±∇f + wd·x;  v = ρ·v + (1 − ρ)·g²;  Δ = √(u + eps) / √(v + eps) · g;
//   u = ρ·u + (1 − ρ)·Δ²;  x -= lr·Δ
void Adadelta::step(const StepContext& context, Vec& x) {
  const Settings& s = settings_;
  signed_gradient(context.gradient, s.maximize, direction_);
  apply_weight_decay({s.weight_decay, false}, context.learning_rate, x, direction_);
  update_second_moment(square_average_, direction_, s.rho);
  delta_.array() = (accumulated_updates_.array() + s.eps).sqrt() /
                   (square_average_.array() + s.eps).sqrt() * direction_.array();
  update_second_moment(accumulated_updates_, delta_, s.rho);
  x -= context.learning_rate * delta_;
}

}  // namespace lv
