#include "optim/conjugate_gradient.hpp"

#include <algorithm>

namespace lv {

ConjugateGradient::ConjugateGradient()
    : Optimizer("cg",
                concatenate({learning_rate_parameter(1.0),
                             choice_parameter("beta", {"fletcher_reeves", "polak_ribiere_plus"}, 1,
                                              "conjugacy formula: fletcher_reeves |g+|^2/|g|^2 or "
                                              "polak_ribiere_plus max(0, g+.(g+ - g)/|g|^2)"),
                             integer_parameter(
                                 "restart", 0, 0, 50, 0, 1000000,
                                 "restart with the steepest descent direction every this many "
                                 "steps (0: every n steps, n the dimension)")},
                            line_search_parameters(LineSearchKind::Wolfe, 0.1))) {}

void ConjugateGradient::reset(const Vec& x0) {
  polak_ribiere_ = hyperparameters().choice("beta") == "polak_ribiere_plus";
  restart_interval_ = hyperparameters().integer("restart");
  if (restart_interval_ == 0) restart_interval_ = static_cast<int>(x0.size());
  line_search_.configure(hyperparameters());
  steps_since_restart_ = 0;
  direction_ = Vec::Zero(x0.size());
}

double ConjugateGradient::beta(const Vec& gradient) const {
  const double previous_squared = previous_gradient_.squaredNorm();
  if (!polak_ribiere_) return gradient.squaredNorm() / previous_squared;
  return std::max(0.0, gradient.dot(gradient - previous_gradient_) / previous_squared);
}

void ConjugateGradient::step(const StepContext& context, Vec& x) {
  const Vec& gradient = context.gradient;
  if (steps_since_restart_ == 0 || steps_since_restart_ >= restart_interval_ ||
      previous_gradient_.squaredNorm() == 0.0) {
    direction_ = -gradient;
    steps_since_restart_ = 0;
  } else {
    direction_ = -gradient + beta(gradient) * direction_;
    if (!(direction_.dot(gradient) < 0.0)) {
      direction_ = -gradient;
      steps_since_restart_ = 0;
    }
  }
  ++steps_since_restart_;
  previous_gradient_ = gradient;
  line_search_.advance(context, x, direction_, context.learning_rate);
}

}  // namespace lv
