// What the window draws for a `regularized` run (GL-free, tested directly): the minimizer of
// f + λ1‖x‖₁ + (λ2/2)‖x‖² for the run's own λ (where the run should end), the unregularized
// minimizer, the whole regularization path as the penalty is scaled from 0 up to where the lasso
// is all zeros, and the penalty's level set through the regularized minimizer (the L1 diamond,
// the L2 circle, or the elastic net's rounded diamond) — so the lasso's corner solution shows.
#pragma once

#include <optional>
#include <vector>

#include "optim/regularization_path.hpp"

namespace lv::app {

struct AppState;

struct RegularizationView {
  PenaltyWeights weights;
  Vec unregularized;           // argmin f (from the run's start)
  Vec regularized;             // argmin f + penalty at the run's λ
  std::vector<Vec> path;       // x*(s·λ) for s from 0 upward
  double penalty_level = 0.0;  // the penalty at `regularized`
};

// For optimizer slot `slot`: a view when it is `regularized` with λ1 > 0 or λ2 > 0 on a 2D
// function; nothing otherwise.
std::optional<RegularizationView> regularization_view(const AppState& state, size_t slot);

// The penalty's level set {λ1‖x‖₁ + (λ2/2)‖x‖² = level} as a closed polyline of `points` points.
std::vector<Vec> penalty_level_set(const PenaltyWeights& weights, double level, int points = 240);

}  // namespace lv::app
