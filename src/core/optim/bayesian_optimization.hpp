// Bayesian optimization (Jones, Schonlau & Welch 1998; Snoek, Larochelle & Adams 2012): a GP
// surrogate (gaussian_process.hpp) on the standardized values of all evaluations so far, inputs
// scaled to the unit box; the next point maximizes expected improvement over seeded random
// candidates (uniform in the box plus a Gaussian cloud around the best point). The first
// `initial_points` evaluations are uniform random. One evaluation per step; x shows the best point.
#pragma once

#include "optim/derivative_free.hpp"
#include "optim/gaussian_process.hpp"

namespace lv {

class BayesianOptimization final : public DerivativeFreeOptimizer {
 public:
  BayesianOptimization();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;
  // The length scale (unit-box units) of the last fit.
  double fitted_length_scale() const { return fitted_length_scale_; }

 private:
  Vec next_point();
  Vec to_unit(const Vec& point) const;

  KernelKind kernel_ = KernelKind::Matern52;
  double length_scale_ = 0.0, xi_ = 0.0, noise_ = 0.0, fitted_length_scale_ = 0.0;
  int initial_points_ = 0, max_evaluations_ = 0, candidates_ = 0;
};

}  // namespace lv
