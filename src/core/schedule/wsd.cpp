#include "schedule/wsd.hpp"

#include <cmath>
#include <numbers>
#include <string>

#include "common/errors.hpp"

namespace lv {

namespace {

// The decay shape f(p), p = fraction of the decay phase done: 1 at p = 0, 0 at p = 1.
// "sqrt" is the 1 − sqrt cooldown of Hägele et al. 2024, "Scaling Laws and Compute-Optimal
// Training Beyond Fixed Training Durations", arXiv:2405.18392.
double decay_shape(const std::string& shape, double progress) {
  if (shape == "cosine") return (1 + std::cos(std::numbers::pi * progress)) / 2;
  if (shape == "sqrt") return 1 - std::sqrt(progress);
  return 1 - progress;
}

}  // namespace

WsdSchedule::WsdSchedule()
    : Schedule("wsd",
               {integer_parameter("warmup_steps", 100, 0, 500, 0, k_max_schedule_steps,
                                  "linear warmup from lr 0 at step 0 to lr at warmup_steps"),
                integer_parameter("total_steps", 1000, 1, 5000, 1, k_max_schedule_steps,
                                  "end of the decay; the lr stays at min_lr_ratio·lr afterwards "
                                  "(default 1000 for a ~1000-step run)"),
                integer_parameter("decay_steps", 100, 0, 1000, 0, k_max_schedule_steps,
                                  "length of the final decay (MiniCPM: ~10% of training)"),
                real_parameter("min_lr_ratio", 0.1, 0.0, 1.0, 0.0, 1.0, false,
                               "final lr as a fraction of lr"),
                choice_parameter("decay_shape", {"linear", "cosine", "sqrt"}, 0,
                                 "decay from lr to the final lr: linear, cosine, or 1 − sqrt")}) {}

void WsdSchedule::validate_settings() const {
  const HyperParameters& p = hyperparameters();
  const long warmup_and_decay =
      static_cast<long>(p.integer("warmup_steps")) + p.integer("decay_steps");
  if (warmup_and_decay <= p.integer("total_steps")) return;
  throw InputError("wsd: warmup_steps + decay_steps (" + std::to_string(warmup_and_decay) +
                   ") must not exceed total_steps (" + std::to_string(p.integer("total_steps")) +
                   ")");
}

// MiniCPM §4: WSD(s) = s/W·η (s < W), η (W <= s < T), f(s − T)·η (T <= s < S), with the
// stable phase ending at T = total_steps − decay_steps and f falling from 1 to min_lr_ratio by
// S = total_steps; afterwards the lr stays at min_lr_ratio·η.
double WsdSchedule::scheduled_learning_rate(int step, double base_lr) const {
  const HyperParameters& p = hyperparameters();
  const int warmup_steps = p.integer("warmup_steps");
  if (step < warmup_steps) return base_lr * step / warmup_steps;
  const int total_steps = p.integer("total_steps");
  const int decay_steps = p.integer("decay_steps");
  const int decay_start = total_steps - decay_steps;
  if (step < decay_start) return base_lr;
  const double min_lr = p.get("min_lr_ratio") * base_lr;
  if (step >= total_steps) return min_lr;
  const double progress = static_cast<double>(step - decay_start) / decay_steps;
  return min_lr + (base_lr - min_lr) * decay_shape(p.choice("decay_shape"), progress);
}

}  // namespace lv
