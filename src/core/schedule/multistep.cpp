#include "schedule/multistep.hpp"

#include <cmath>
#include <limits>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv {

MultiStepSchedule::MultiStepSchedule()
    : Schedule(
          "multistep",
          {list_parameter("milestones", {500, 750},
                          "increasing step indices where the lr is multiplied by gamma "
                          "(required by PyTorch; default 500,750 chosen for a ~1000-step "
                          "run)"),
           real_parameter("gamma", 0.1, 0.01, 1.0, 0.0, std::numeric_limits<double>::infinity(),
                          false, "multiplicative factor of lr decay (> 0)")}) {}

void MultiStepSchedule::validate_settings() const {
  require_positive("gamma");
  const std::vector<double>& milestones = hyperparameters().list("milestones");
  for (size_t i = 0; i < milestones.size(); ++i) {
    const double milestone = milestones[i];
    if (milestone < 0.0 || milestone != std::round(milestone) || milestone > k_max_schedule_steps) {
      throw InputError("multistep: milestones must be whole numbers >= 0, got " +
                       format_exact(milestone));
    }
    if (i > 0 && milestone <= milestones[i - 1]) {
      throw InputError("multistep: milestones must be increasing, got " +
                       hyperparameters().to_text("milestones"));
    }
  }
}

// MultiStepLR closed form (PyTorch): base_lr · gamma^bisect_right(milestones, t), i.e. gamma to
// the number of milestones <= t.
double MultiStepSchedule::scheduled_learning_rate(int step, double base_lr) const {
  int passed = 0;
  for (double milestone : hyperparameters().list("milestones")) {
    if (milestone <= step) ++passed;
  }
  return base_lr * std::pow(hyperparameters().get("gamma"), passed);
}

}  // namespace lv
