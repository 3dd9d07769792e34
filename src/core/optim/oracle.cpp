#include "optim/oracle.hpp"

namespace lv {

Oracle::Oracle(const Objective& objective, double noise_sigma, uint64_t seed)
    : objective_(objective), noise_sigma_(noise_sigma), generator_(seed) {}

double Oracle::value(const Vec& x) {
  ++function_evaluations_;
  return objective_.value(x);
}

double Oracle::value_gradient(const Vec& x, Vec& gradient) {
  ++function_evaluations_;
  ++gradient_evaluations_;
  const double f = objective_.value_gradient(x, gradient);
  add_noise(gradient);
  return f;
}

Mat Oracle::hessian(const Vec& x) {
  ++hessian_evaluations_;
  return objective_.hessian(x);
}

Vec Oracle::hvp(const Vec& x, const Vec& v) {
  ++hessian_evaluations_;
  return objective_.hvp(x, v);
}

void Oracle::add_noise(Vec& gradient) {
  if (noise_sigma_ == 0.0) return;
  for (Eigen::Index i = 0; i < gradient.size(); ++i)
    gradient[i] += noise_sigma_ * normal_(generator_);
}

}  // namespace lv
