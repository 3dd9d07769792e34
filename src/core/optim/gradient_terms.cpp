#include "optim/gradient_terms.hpp"

namespace lv {

HyperParameter decoupled_weight_decay_flag() {
  return boolean_parameter(
      "decoupled_weight_decay", false,
      "decay x <- x * (1 - lr * weight_decay) instead of adding weight_decay * x "
      "to the gradient (AdamW-style)");
}

WeightDecay weight_decay_from(const HyperParameters& parameters) {
  const bool decoupled =
      parameters.has("decoupled_weight_decay") && parameters.flag("decoupled_weight_decay");
  return {parameters.get("weight_decay"), decoupled};
}

void signed_gradient(const Vec& gradient, bool maximize, Vec& direction) {
  if (maximize) {
    direction = -gradient;
  } else {
    direction = gradient;
  }
}

void apply_weight_decay(const WeightDecay& decay, double learning_rate, Vec& x, Vec& direction) {
  if (decay.coefficient == 0.0) return;
  if (decay.decoupled) {
    x *= 1.0 - learning_rate * decay.coefficient;
  } else {
    direction += decay.coefficient * x;
  }
}

void update_first_moment(Vec& first_moment, const Vec& direction, double beta1) {
  first_moment += (1.0 - beta1) * (direction - first_moment);
}

void update_second_moment(Vec& second_moment, const Vec& direction, double beta) {
  second_moment = beta * second_moment + (1.0 - beta) * direction.cwiseAbs2();
}

}  // namespace lv
