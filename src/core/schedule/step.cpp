#include "schedule/step.hpp"

#include <cmath>
#include <limits>

namespace lv {

StepSchedule::StepSchedule()
    : Schedule(
          "step",
          {integer_parameter("step_size", 250, 1, 1000, 1, k_max_schedule_steps,
                             "period of lr decay in steps (required by PyTorch; default "
                             "250 chosen for a ~1000-step run)"),
           real_parameter("gamma", 0.1, 0.01, 1.0, 0.0, std::numeric_limits<double>::infinity(),
                          false, "multiplicative factor of lr decay (> 0)")}) {}

void StepSchedule::validate_settings() const {
  require_positive("gamma");
}

// StepLR closed form (PyTorch docs): lr = base_lr · gamma^⌊t / step_size⌋.
double StepSchedule::scheduled_learning_rate(int step, double base_lr) const {
  const HyperParameters& p = hyperparameters();
  return base_lr * std::pow(p.get("gamma"), step / p.integer("step_size"));
}

}  // namespace lv
