#include "optim/optimizer.hpp"

#include <limits>

namespace lv {

namespace {
constexpr double k_infinity = std::numeric_limits<double>::infinity();
}

Optimizer::Optimizer(std::string name, std::vector<HyperParameter> descriptors)
    : name_(std::move(name)), hyperparameters_(std::move(descriptors)) {}

double Optimizer::base_learning_rate() const {
  return hyperparameters_.has("lr") ? hyperparameters_.get("lr") : 0.0;
}

void Optimizer::set_hyperparameter(std::string_view name, std::string_view text) {
  hyperparameters_.set_from_text(name, text);
  hyperparameter_changed(name);
}

void Optimizer::set_hyperparameter(std::string_view name, double value) {
  hyperparameters_.set(name, value);
  hyperparameter_changed(name);
}

HyperParameter learning_rate_parameter(double default_value) {
  HyperParameter parameter = real_parameter("lr", default_value, 1e-5, 1.0, 0.0, k_infinity, true,
                                            "learning rate (step size)");
  parameter.tunable = true;
  return parameter;
}

HyperParameter weight_decay_parameter() {
  return real_parameter("weight_decay", 0.0, 0.0, 1.0, 0.0, k_infinity, false,
                        "L2 penalty coefficient added to the gradient (weight_decay * x)");
}

HyperParameter maximize_parameter() {
  return boolean_parameter("maximize", false, "maximize the objective instead of minimizing");
}

HyperParameter eps_parameter(double default_value) {
  return real_parameter("eps", default_value, 1e-12, 1e-1, 0.0, k_infinity, true,
                        "term added to the denominator for numerical stability");
}

HyperParameter beta1_parameter(double default_value) {
  return real_parameter("beta1", default_value, 0.0, 0.999, 0.0, just_below_one(), false,
                        "decay rate of the running average of the gradient (betas[0])");
}

HyperParameter beta2_parameter(double default_value) {
  return real_parameter("beta2", default_value, 0.5, 0.9999, 0.0, just_below_one(), false,
                        "decay rate of the running average of the squared gradient (betas[1])");
}

HyperParameter decoupled_weight_decay_parameter(double default_value) {
  return real_parameter(
      "weight_decay", default_value, 0.0, 0.1, 0.0, k_infinity, false,
      "decoupled weight decay: x <- x * (1 - lr * weight_decay) before the update");
}

}  // namespace lv
