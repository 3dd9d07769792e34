#include "run/lr_finder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "common/errors.hpp"
#include "optim/oracle.hpp"

namespace lv {

namespace {

void check_settings(const Optimizer& optimizer, const LrFinderSettings& settings) {
  if (!(settings.min_lr > 0.0)) throw InputError("lr finder: min lr must be > 0");
  if (!(settings.max_lr > settings.min_lr))
    throw InputError("lr finder: max lr must be greater than min lr");
  if (settings.steps < 2) throw InputError("lr finder: needs at least 2 steps");
  if (!(settings.smoothing >= 0.0 && settings.smoothing < 1.0))
    throw InputError("lr finder: smoothing must be in [0, 1)");
  if (!optimizer.hyperparameters().has("lr"))
    throw InputError("lr finder: " + optimizer.name() + " has no learning rate 'lr'");
}

}  // namespace

int steepest_descent_index(const std::vector<double>& learning_rates,
                           const std::vector<double>& smoothed_losses, int skip_begin,
                           int skip_end) {
  const int size = static_cast<int>(smoothed_losses.size());
  int best = -1;
  double steepest = 0.0;
  for (int i = std::max(skip_begin, 0); i < size - skip_end; ++i) {
    const int before = std::max(i - 1, 0);
    const int after = std::min(i + 1, size - 1);
    if (after == before) continue;
    const double slope = (smoothed_losses[after] - smoothed_losses[before]) /
                         (std::log(learning_rates[after]) - std::log(learning_rates[before]));
    if (slope < steepest) {
      steepest = slope;
      best = i;
    }
  }
  return best;
}

// fastai's LRFinder callback (fastai/callback/schedule.py) and Lightning's _LRCallback: lr_i =
// min·(max/min)^(i/(N−1)); the loss smoothed as avg ← β·avg + (1 − β)·loss, reported as
// avg/(1 − β^(i+1)); stop when the smoothed loss exceeds 4× the best. Unlike fastai, which
// records the mini-batch loss computed before the update, the loss recorded for lr_i is the one
// after the update made with lr_i: on a deterministic objective that is the update's own effect.
LrFinderResult find_learning_rate(const Objective& objective, Optimizer& optimizer, const Vec& x0,
                                  const LrFinderSettings& settings) {
  check_settings(optimizer, settings);
  optimizer.reset(x0);
  Oracle oracle(objective);
  LrFinderResult result;
  Vec x = x0;
  Vec gradient(x.size());
  double value = objective.value_gradient(x, gradient);
  double average = 0.0;
  double best = std::numeric_limits<double>::infinity();
  const double ratio = settings.max_lr / settings.min_lr;
  for (int i = 0; i < settings.steps; ++i) {
    if (!std::isfinite(value) || !gradient.allFinite()) {
      result.stopped_early = true;
      break;
    }
    const double lr =
        settings.min_lr * std::pow(ratio, static_cast<double>(i) / (settings.steps - 1));
    optimizer.step(StepContext{gradient, value, lr, oracle}, x);
    value = x.allFinite() ? objective.value_gradient(x, gradient)
                          : std::numeric_limits<double>::quiet_NaN();
    if (!std::isfinite(value)) {
      result.stopped_early = true;
      break;
    }
    average = settings.smoothing * average + (1.0 - settings.smoothing) * value;
    const double smoothed = average / (1.0 - std::pow(settings.smoothing, i + 1));
    result.learning_rates.push_back(lr);
    result.losses.push_back(value);
    result.smoothed_losses.push_back(smoothed);
    // fastai's smoothed > 4·best, written best + 3·|best| so a negative loss keeps its meaning.
    if (smoothed > best + (settings.divergence_factor - 1.0) * std::abs(best)) {
      result.stopped_early = true;
      break;
    }
    best = std::min(best, smoothed);
  }
  result.suggested_index = steepest_descent_index(result.learning_rates, result.smoothed_losses,
                                                  settings.skip_begin, settings.skip_end);
  if (result.suggested_index >= 0)
    result.suggested_lr = result.learning_rates[result.suggested_index];
  return result;
}

}  // namespace lv
