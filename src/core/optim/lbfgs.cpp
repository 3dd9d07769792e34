#include "optim/lbfgs.hpp"

#include <vector>

#include "optim/bfgs.hpp"

namespace lv {

Vec lbfgs_direction(const std::deque<CurvaturePair>& history, const Vec& gradient) {
  if (history.empty()) return -gradient;
  const size_t m = history.size();
  std::vector<double> rho(m);
  std::vector<double> alpha(m);
  Vec q = gradient;
  for (size_t i = m; i-- > 0;) {  // newest to oldest
    rho[i] = 1.0 / history[i].gradient_change.dot(history[i].step);
    alpha[i] = rho[i] * history[i].step.dot(q);
    q -= alpha[i] * history[i].gradient_change;
  }
  const CurvaturePair& newest = history.back();
  Vec r = (newest.step.dot(newest.gradient_change) / newest.gradient_change.squaredNorm()) * q;
  for (size_t i = 0; i < m; ++i) {  // oldest to newest
    const double beta = rho[i] * history[i].gradient_change.dot(r);
    r += (alpha[i] - beta) * history[i].step;
  }
  return -r;
}

Lbfgs::Lbfgs()
    : Optimizer("lbfgs", concatenate({learning_rate_parameter(1.0),
                                      integer_parameter("history_size", 10, 1, 50, 1, 1000,
                                                        "number of (s, y) pairs kept (memory m)")},
                                     line_search_parameters(LineSearchKind::Wolfe))) {}

void Lbfgs::reset(const Vec& x0) {
  history_size_ = hyperparameters().integer("history_size");
  line_search_.configure(hyperparameters());
  history_.clear();
  has_previous_ = false;
  direction_ = Vec::Zero(x0.size());
}

void Lbfgs::step(const StepContext& context, Vec& x) {
  if (has_previous_) {
    CurvaturePair pair{x - previous_x_, context.gradient - previous_gradient_};
    if (has_positive_curvature(pair.step, pair.gradient_change)) {
      if (static_cast<int>(history_.size()) == history_size_) history_.pop_front();
      history_.push_back(std::move(pair));
    }
  }
  direction_ = lbfgs_direction(history_, context.gradient);
  const double step_size = history_.empty()
                               ? first_step_size(context.gradient, context.learning_rate)
                               : context.learning_rate;
  previous_x_ = x;
  previous_gradient_ = context.gradient;
  has_previous_ = true;
  if (line_search_.advance(context, x, direction_, step_size).step == 0.0) {
    // No acceptable step along the L-BFGS direction: forget the pairs, start again from −∇f.
    history_.clear();
    has_previous_ = false;
  }
}

}  // namespace lv
