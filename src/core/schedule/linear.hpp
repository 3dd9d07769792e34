// LinearLR: the lr factor moves linearly from start_factor to end_factor over total_iters steps
// and stays at end_factor (torch.optim.lr_scheduler.LinearLR; the usual warmup).
#pragma once

#include "schedule/schedule.hpp"

namespace lv {

class LinearSchedule final : public Schedule {
 public:
  LinearSchedule();

 protected:
  double scheduled_learning_rate(int step, double base_lr) const override;
  void validate_settings() const override;
};

}  // namespace lv
