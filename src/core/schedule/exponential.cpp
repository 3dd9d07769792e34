#include "schedule/exponential.hpp"

#include <cmath>
#include <limits>

namespace lv {

ExponentialSchedule::ExponentialSchedule()
    : Schedule("exponential",
               {real_parameter("gamma", 0.995, 0.9, 1.0, 0.0,
                               std::numeric_limits<double>::infinity(), false,
                               "multiplicative factor of lr decay per step, > 0 (required by "
                               "PyTorch; default 0.995 takes a ~1000-step run to ~0.7% of lr)")}) {}

void ExponentialSchedule::validate_settings() const {
  require_positive("gamma");
}

// ExponentialLR closed form (PyTorch): base_lr · gamma^t.
double ExponentialSchedule::scheduled_learning_rate(int step, double base_lr) const {
  return base_lr * std::pow(hyperparameters().get("gamma"), step);
}

}  // namespace lv
