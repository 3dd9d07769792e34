// lv::Oracle: an optimizer's view of the objective during a run. Adds seeded Gaussian gradient
// noise (to emulate mini-batch SGD on a test surface) and counts evaluations, so methods that
// evaluate more than once per step (line searches, SAM, derivative-free) are compared fairly.
#pragma once

#include <cstdint>
#include <random>

#include "objective/objective.hpp"

namespace lv {

class Oracle {
 public:
  // noise_sigma: standard deviation of the additive N(0, σ²I) noise on every gradient (0: none).
  Oracle(const Objective& objective, double noise_sigma = 0.0, uint64_t seed = 0);

  int dim() const { return objective_.dim(); }
  const Objective& objective() const { return objective_; }

  double value(const Vec& x);
  // f(x) and the (noisy) gradient.
  double value_gradient(const Vec& x, Vec& gradient);
  Mat hessian(const Vec& x);
  Vec hvp(const Vec& x, const Vec& v);

  // Adds the noise to a gradient computed elsewhere (the runner's per-step gradient).
  void add_noise(Vec& gradient);

  long function_evaluations() const { return function_evaluations_; }
  long gradient_evaluations() const { return gradient_evaluations_; }
  long hessian_evaluations() const { return hessian_evaluations_; }

 private:
  const Objective& objective_;
  double noise_sigma_;
  std::mt19937_64 generator_;
  std::normal_distribution<double> normal_{0.0, 1.0};
  long function_evaluations_ = 0;
  long gradient_evaluations_ = 0;
  long hessian_evaluations_ = 0;
};

}  // namespace lv
