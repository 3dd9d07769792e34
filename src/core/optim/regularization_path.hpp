// The minimizers of f(x) + λ1‖x‖₁ + (λ2/2)‖x‖² (lasso, ridge, elastic net) computed directly, so
// a picture can show where the `regularized` optimizer should end and how the solution moves as
// the penalty grows: proximal gradient with backtracking (Beck & Teboulle 2009, FISTA's
// backtracking rule without momentum; the prox of t·λ1‖·‖₁ is soft-thresholding, so the lasso's
// zeros are exact), warm-started along the path.
#pragma once

#include <vector>

#include "objective/objective.hpp"

namespace lv {

struct PenaltyWeights {
  double l1 = 0.0;  // λ1 of λ1‖x‖₁
  double l2 = 0.0;  // λ2 of (λ2/2)‖x‖²
};

// A (local) minimizer of f + penalty from `start`: proximal gradient steps until the step is
// below 1e-12 (relative) or `max_iterations` pass.
Vec penalized_minimizer(const Objective& objective, const PenaltyWeights& weights, const Vec& start,
                        int max_iterations = 5000);

// The path x*(s·weights) for the scales in `scales` (ascending), each warm-started from the
// previous solution (the first from `start`).
std::vector<Vec> regularization_path(const Objective& objective, const PenaltyWeights& weights,
                                     const std::vector<double>& scales, const Vec& start);

}  // namespace lv
