#include "optim/line_search.hpp"

#include <cmath>
#include <limits>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv {

namespace {

constexpr double k_infinity = std::numeric_limits<double>::infinity();

// φ and φ' at one trial step; a non-finite value counts as +∞ so that every comparison treats it
// as "far too large" (NaN would compare false and be accepted).
struct TrialPoint {
  double step = 0.0;
  double value = 0.0;
  double slope = 0.0;
};

TrialPoint evaluate_with_slope(Oracle& oracle, const LineProblem& line, double step) {
  Vec gradient;
  const Vec point = line.x + step * line.direction;
  const double value = oracle.value_gradient(point, gradient);
  const double slope = gradient.dot(line.direction);
  if (!std::isfinite(value) || !std::isfinite(slope)) return {step, k_infinity, k_infinity};
  return {step, value, slope};
}

// The minimizer of the cubic through (a, φ(a), φ'(a)) and (b, φ(b), φ'(b)) (Nocedal & Wright
// eq. 3.59), kept at least 10% of the interval away from both ends; bisection where the cubic has
// no usable minimizer.
double interpolate(const TrialPoint& a, const TrialPoint& b) {
  const double width = std::abs(b.step - a.step);
  const double low = std::min(a.step, b.step) + 0.1 * width;
  const double high = std::max(a.step, b.step) - 0.1 * width;
  const double midpoint = 0.5 * (a.step + b.step);
  const double d1 = a.slope + b.slope - 3.0 * (a.value - b.value) / (a.step - b.step);
  const double discriminant = d1 * d1 - a.slope * b.slope;
  if (!std::isfinite(discriminant) || discriminant < 0.0) return midpoint;
  const double d2 = std::copysign(std::sqrt(discriminant), b.step - a.step);
  const double step =
      b.step - (b.step - a.step) * (b.slope + d2 - d1) / (b.slope - a.slope + 2.0 * d2);
  if (!std::isfinite(step) || step < low || step > high) return midpoint;
  return step;
}

// Near a minimum the predicted decrease c1·α·∇fᵀd falls below the round-off of f itself (f = −74 +
// 1e-15 on a shifted bowl) and the exact test would reject every step; an allowance of a few ulps
// of |f(x)| keeps the search deciding on the slope there (the idea of Hager & Zhang 2005, SIAM J.
// Optim. 16(1), "approximate Wolfe conditions", with a round-off-sized tolerance).
double round_off(double value0) {
  return 4.0 * std::numeric_limits<double>::epsilon() * std::abs(value0);
}

bool sufficient_decrease(double value0, double slope0, double step, double value, double c1) {
  return value <= value0 + c1 * step * slope0 + round_off(value0);
}

// "f rose from `before` to `after`" beyond round-off; equal values leave the decision to the slope.
bool rose(double value0, double before, double after) {
  return after > before + round_off(value0);
}

// Nocedal & Wright Alg. 3.6: `low` satisfies sufficient decrease and has the lowest value seen;
// the interval between low and high contains steps satisfying the strong Wolfe conditions.
LineSearchResult zoom(Oracle& oracle, const LineProblem& line, double slope0, TrialPoint low,
                      TrialPoint high, int evaluations, const LineSearchSettings& settings) {
  while (evaluations < settings.max_evaluations) {
    const TrialPoint trial = evaluate_with_slope(oracle, line, interpolate(low, high));
    ++evaluations;
    if (!sufficient_decrease(line.value, slope0, trial.step, trial.value, settings.c1) ||
        rose(line.value, low.value, trial.value)) {
      high = trial;
      continue;
    }
    if (std::abs(trial.slope) <= -settings.c2 * slope0) return {trial.step, true, evaluations};
    if (trial.slope * (high.step - low.step) >= 0.0) high = low;
    low = trial;
  }
  return {low.step, false, evaluations};
}

}  // namespace

std::vector<HyperParameter> line_search_parameters(LineSearchKind default_kind, double default_c2) {
  return {
      choice_parameter("line_search", {"none", "armijo", "wolfe", "exact"},
                       static_cast<int>(default_kind),
                       "step length: none (fixed lr), backtracking armijo, strong wolfe, or the "
                       "exact step on quadratics; lr is the first trial step"),
      real_parameter("c1", 1e-4, 1e-6, 0.5, 1e-12, 0.5, true,
                     "sufficient-decrease (Armijo) constant, 0 < c1 < c2 < 1"),
      real_parameter("c2", default_c2, 0.01, 0.99, 1e-6, just_below_one(), false,
                     "curvature constant of the strong Wolfe conditions"),
      real_parameter("shrink", 0.5, 0.1, 0.9, 1e-3, 0.999, false,
                     "backtracking factor: a rejected Armijo trial step is multiplied by it"),
      integer_parameter("max_evaluations", 30, 1, 100, 1, 1000,
                        "most trial points one line search may evaluate"),
  };
}

std::vector<HyperParameter> concatenate(std::vector<HyperParameter> a,
                                        const std::vector<HyperParameter>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

LineSearchSettings LineSearchSettings::from(const HyperParameters& parameters) {
  LineSearchSettings settings;
  settings.kind = static_cast<LineSearchKind>(parameters.integer("line_search"));
  settings.c1 = parameters.get("c1");
  settings.c2 = parameters.get("c2");
  settings.shrink = parameters.get("shrink");
  settings.max_evaluations = parameters.integer("max_evaluations");
  if (settings.kind == LineSearchKind::Wolfe && !(settings.c1 < settings.c2)) {
    throw InputError("line_search=wolfe needs c1 < c2 (got c1=" + format_exact(settings.c1) +
                     ", c2=" + format_exact(settings.c2) + ")");
  }
  return settings;
}

LineSearchResult backtracking_armijo(Oracle& oracle, const LineProblem& line, double initial_step,
                                     const LineSearchSettings& settings) {
  const double slope0 = line.gradient.dot(line.direction);
  double step = initial_step;
  for (int evaluations = 1; evaluations <= settings.max_evaluations; ++evaluations) {
    const double value = oracle.value(line.x + step * line.direction);
    if (std::isfinite(value) && sufficient_decrease(line.value, slope0, step, value, settings.c1)) {
      return {step, true, evaluations};
    }
    step *= settings.shrink;
  }
  return {0.0, false, settings.max_evaluations};
}

// Nocedal & Wright Alg. 3.5: expand the trial step (doubling) until it brackets an acceptable
// step, then zoom.
LineSearchResult strong_wolfe(Oracle& oracle, const LineProblem& line, double initial_step,
                              const LineSearchSettings& settings) {
  const double slope0 = line.gradient.dot(line.direction);
  TrialPoint previous{0.0, line.value, slope0};
  double step = initial_step;
  for (int evaluations = 1; evaluations <= settings.max_evaluations; ++evaluations) {
    const TrialPoint trial = evaluate_with_slope(oracle, line, step);
    if (!sufficient_decrease(line.value, slope0, trial.step, trial.value, settings.c1) ||
        (evaluations > 1 && rose(line.value, previous.value, trial.value))) {
      return zoom(oracle, line, slope0, previous, trial, evaluations, settings);
    }
    if (std::abs(trial.slope) <= -settings.c2 * slope0) return {trial.step, true, evaluations};
    if (trial.slope >= 0.0)
      return zoom(oracle, line, slope0, trial, previous, evaluations, settings);
    previous = trial;
    step *= 2.0;
  }
  return {previous.step, false, settings.max_evaluations};
}

LineSearchResult exact_quadratic(Oracle& oracle, const LineProblem& line, double initial_step,
                                 const LineSearchSettings& settings) {
  const double curvature = line.direction.dot(oracle.hvp(line.x, line.direction));
  if (!(curvature > 0.0) || !std::isfinite(curvature)) {
    return backtracking_armijo(oracle, line, initial_step, settings);
  }
  return {-line.gradient.dot(line.direction) / curvature, true, 0};
}

LineSearchResult LineSearch::advance(const StepContext& context, Vec& x, const Vec& direction,
                                     double step_size) {
  if (settings_.kind == LineSearchKind::None) {
    x += step_size * direction;
    return {step_size, true, 0};
  }
  const Vec* search_direction = &direction;
  if (!(context.gradient.dot(direction) < 0.0)) {
    trial_direction_ = -context.gradient;
    search_direction = &trial_direction_;
  }
  const LineProblem line{x, context.value, context.gradient, *search_direction};
  LineSearchResult result;
  switch (settings_.kind) {
    case LineSearchKind::Armijo:
      result = backtracking_armijo(context.oracle, line, step_size, settings_);
      break;
    case LineSearchKind::Wolfe:
      result = strong_wolfe(context.oracle, line, step_size, settings_);
      break;
    default:
      result = exact_quadratic(context.oracle, line, step_size, settings_);
      break;
  }
  x += result.step * (*search_direction);
  return result;
}

}  // namespace lv
