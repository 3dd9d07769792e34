#include "optim/bfgs.hpp"

namespace lv {

Bfgs::Bfgs()
    : Optimizer("bfgs", concatenate({learning_rate_parameter(1.0)},
                                    line_search_parameters(LineSearchKind::Wolfe))) {}

void Bfgs::reset(const Vec& x0) {
  line_search_.configure(hyperparameters());
  const Eigen::Index n = x0.size();
  inverse_hessian_ = Mat::Identity(n, n);
  has_previous_ = false;
  has_update_ = false;
  direction_ = Vec::Zero(n);
}

void Bfgs::step(const StepContext& context, Vec& x) {
  update(x, context.gradient);
  direction_ = -(inverse_hessian_ * context.gradient);
  const double step_size = has_update_ ? context.learning_rate
                                       : first_step_size(context.gradient, context.learning_rate);
  previous_x_ = x;
  previous_gradient_ = context.gradient;
  has_previous_ = true;
  if (line_search_.advance(context, x, direction_, step_size).step == 0.0) {
    // No acceptable step along −H∇f: forget the curvature model and start again from −∇f.
    inverse_hessian_.setIdentity();
    has_previous_ = false;
    has_update_ = false;
  }
}

void Bfgs::update(const Vec& x, const Vec& gradient) {
  if (!has_previous_) return;
  const Vec step = x - previous_x_;
  const Vec gradient_change = gradient - previous_gradient_;
  if (!has_positive_curvature(step, gradient_change)) return;
  if (!has_update_) {
    // Before the first update, scale H₀ = (yᵀs / yᵀy) I (Nocedal & Wright eq. 6.20).
    inverse_hessian_ *= gradient_change.dot(step) / gradient_change.squaredNorm();
    has_update_ = true;
  }
  bfgs_inverse_update(inverse_hessian_, step, gradient_change);
}

void bfgs_inverse_update(Mat& inverse_hessian, const Vec& step, const Vec& gradient_change) {
  const double rho = 1.0 / gradient_change.dot(step);
  const Eigen::Index n = step.size();
  const Mat left = Mat::Identity(n, n) - rho * step * gradient_change.transpose();
  inverse_hessian = left * inverse_hessian * left.transpose() + rho * step * step.transpose();
}

double first_step_size(const Vec& gradient, double learning_rate) {
  const double l1_norm = gradient.lpNorm<1>();
  return l1_norm > 1.0 ? learning_rate / l1_norm : learning_rate;
}

bool has_positive_curvature(const Vec& step, const Vec& gradient_change) {
  return gradient_change.dot(step) > 1e-10 * step.norm() * gradient_change.norm() &&
         gradient_change.dot(step) > 1e-300;
}

}  // namespace lv
