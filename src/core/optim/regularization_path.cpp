#include "optim/regularization_path.hpp"

#include <cmath>

#include "optim/regularized_optimizer.hpp"

namespace lv {

Vec penalized_minimizer(const Objective& objective, const PenaltyWeights& weights, const Vec& start,
                        int max_iterations) {
  // Smooth part F = f + (λ2/2)‖x‖², non-smooth λ1‖x‖₁ through its prox.
  const auto smooth = [&](const Vec& x, Vec& gradient) {
    const double value = objective.value_gradient(x, gradient);
    gradient += weights.l2 * x;
    return value + 0.5 * weights.l2 * x.squaredNorm();
  };
  Vec x = start, gradient, trial_gradient;
  double step = 1.0;
  double value = smooth(x, gradient);
  for (int iteration = 0; iteration < max_iterations && std::isfinite(value); ++iteration) {
    Vec z;
    double trial = 0.0;
    for (int halving = 0; halving < 60; ++halving, step *= 0.5) {
      z = soft_threshold(x - step * gradient, step * weights.l1);
      trial = smooth(z, trial_gradient);
      const Vec d = z - x;
      // The sufficient-decrease test of proximal gradient (Beck & Teboulle 2009, eq. 1.5 / 2.1).
      if (std::isfinite(trial) && trial <= value + gradient.dot(d) +
                                               d.squaredNorm() / (2.0 * step) +
                                               1e-15 * std::abs(value)) {
        break;
      }
    }
    const double moved = (z - x).norm();
    x = z;
    value = trial;
    gradient = trial_gradient;
    if (moved <= 1e-12 * (1.0 + x.norm())) break;
    step *= 1.5;  // let the step grow back after a backtrack
  }
  return x;
}

std::vector<Vec> regularization_path(const Objective& objective, const PenaltyWeights& weights,
                                     const std::vector<double>& scales, const Vec& start) {
  std::vector<Vec> path;
  Vec x = start;
  for (const double scale : scales) {
    x = penalized_minimizer(objective, {scale * weights.l1, scale * weights.l2}, x);
    path.push_back(x);
  }
  return path;
}

}  // namespace lv
