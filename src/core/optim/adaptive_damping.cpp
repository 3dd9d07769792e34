#include "optim/adaptive_damping.hpp"

#include <cmath>

namespace lv {

namespace {
// λ after a failed trial with λ = 0 (plain Newton or Gauss–Newton went uphill): a small damping
// relative to unit curvature, from which the factor ν grows it quickly.
constexpr double k_first_damping = 1e-3;
}  // namespace

HyperParameter damping_factor_parameter(double default_value) {
  return real_parameter("damping_factor", default_value, 1.0, 100.0, 1.0, 1e6, true,
                        "Marquardt's rule: divide damping by this after a step that lowers f, "
                        "multiply and retry after one that does not (1: fixed damping)");
}

void AdaptiveDamping::reset(double initial_damping, double factor, int max_tries) {
  damping_ = initial_damping;
  factor_ = factor;
  max_tries_ = max_tries;
}

bool AdaptiveDamping::advance(const StepContext& context, Vec& x, double step_size,
                              const std::function<Vec(double)>& direction_for) {
  for (int attempt = 0; attempt < max_tries_; ++attempt) {
    const Vec trial = x + step_size * direction_for(damping_);
    if (trial == x) return false;  // the step vanished in round-off: larger λ cannot help
    const double value = trial.allFinite() ? context.oracle.value(trial) : NAN;
    if (std::isfinite(value) && value < context.value) {
      x = trial;
      damping_ /= factor_;
      return true;
    }
    damping_ = damping_ == 0.0 ? k_first_damping : damping_ * factor_;
  }
  return false;
}

}  // namespace lv
