#include "regularization_view.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "app_state.hpp"
#include "objective/formula_objective.hpp"

namespace lv::app {

std::optional<RegularizationView> regularization_view(const AppState& state, size_t slot) {
  if (slot >= state.optimizers.size()) return std::nullopt;
  const OptimizerSlot& optimizer = state.optimizers[slot];
  if (optimizer.optimizer->name() != "regularized") return std::nullopt;
  const HyperParameters& settings = optimizer.optimizer->hyperparameters();
  RegularizationView view;
  view.weights = {settings.get("l1"), settings.get("l2")};
  if (!(view.weights.l1 > 0.0) && !(view.weights.l2 > 0.0)) return std::nullopt;
  const FormulaObjective objective(state.function.expr);
  Vec start(2);
  start << optimizer.start_x, optimizer.start_y;
  view.unregularized = penalized_minimizer(objective, {}, start);
  view.regularized = penalized_minimizer(objective, view.weights, view.unregularized);
  // Scales up to where the lasso is all zeros (‖∇f(0)‖∞ / λ1, with a margin), else 50×.
  double top = 50.0;
  if (view.weights.l1 > 0.0) {
    Vec gradient;
    objective.value_gradient(Vec::Zero(2), gradient);
    if (gradient.allFinite())
      top = std::clamp(1.3 * gradient.cwiseAbs().maxCoeff() / view.weights.l1, 1.5, 1e4);
  }
  std::vector<double> scales = {0.0};
  constexpr int k_points = 60;
  for (int k = 0; k < k_points; ++k)
    scales.push_back(0.02 * std::pow(top / 0.02, k / (k_points - 1.0)));
  view.path = regularization_path(objective, view.weights, scales, view.unregularized);
  const Vec& x = view.regularized;
  view.penalty_level = view.weights.l1 * x.lpNorm<1>() + 0.5 * view.weights.l2 * x.squaredNorm();
  if (!view.regularized.allFinite() || !view.unregularized.allFinite()) return std::nullopt;
  return view;
}

std::vector<Vec> penalty_level_set(const PenaltyWeights& weights, double level, int points) {
  std::vector<Vec> curve;
  if (!(level > 0.0)) return curve;
  for (int k = 0; k < points; ++k) {
    const double theta = 2.0 * std::numbers::pi * k / points;
    const double c = std::cos(theta), s = std::sin(theta);
    // λ1 r (|c| + |s|) + (λ2/2) r² = level, for r >= 0.
    const double a = weights.l1 * (std::abs(c) + std::abs(s)), b = 0.5 * weights.l2;
    const double r = b > 0.0 ? (-a + std::sqrt(a * a + 4.0 * b * level)) / (2.0 * b) : level / a;
    Vec point(2);
    point << r * c, r * s;
    curve.push_back(point);
  }
  return curve;
}

}  // namespace lv::app
