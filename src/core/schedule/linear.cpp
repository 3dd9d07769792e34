#include "schedule/linear.hpp"

#include <algorithm>

namespace lv {

LinearSchedule::LinearSchedule()
    : Schedule("linear",
               {real_parameter("start_factor", 1.0 / 3.0, 0.0, 1.0, 0.0, 1.0, false,
                               "lr factor at step 0, in (0, 1]"),
                real_parameter("end_factor", 1.0, 0.0, 1.0, 0.0, 1.0, false,
                               "lr factor from total_iters on, in [0, 1]"),
                integer_parameter("total_iters", 5, 1, 1000, 1, k_max_schedule_steps,
                                  "steps over which the factor changes (PyTorch default 5)")}) {}

// PyTorch rejects start_factor = 0: its chainable form divides by total_iters·start_factor.
void LinearSchedule::validate_settings() const {
  require_positive("start_factor");
}

// LinearLR closed form (PyTorch):
//   base_lr · (start + (end − start)·min(total_iters, t)/total_iters).
double LinearSchedule::scheduled_learning_rate(int step, double base_lr) const {
  const HyperParameters& p = hyperparameters();
  const double start_factor = p.get("start_factor");
  const double end_factor = p.get("end_factor");
  const int total_iters = p.integer("total_iters");
  return base_lr *
         (start_factor + (end_factor - start_factor) * std::min(total_iters, step) / total_iters);
}

}  // namespace lv
