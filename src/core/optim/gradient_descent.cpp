#include "optim/gradient_descent.hpp"

namespace lv {

GradientDescent::GradientDescent()
    : Optimizer("gd", concatenate({learning_rate_parameter(1e-3)},
                                  line_search_parameters(LineSearchKind::None))) {}

void GradientDescent::reset(const Vec& x0) {
  line_search_.configure(hyperparameters());
  direction_ = Vec::Zero(x0.size());
}

void GradientDescent::step(const StepContext& context, Vec& x) {
  direction_ = -context.gradient;
  line_search_.advance(context, x, direction_, context.learning_rate);
}

}  // namespace lv
