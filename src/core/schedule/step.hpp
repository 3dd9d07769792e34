// StepLR: the lr decays by gamma every step_size steps (torch.optim.lr_scheduler.StepLR).
#pragma once

#include "schedule/schedule.hpp"

namespace lv {

class StepSchedule final : public Schedule {
 public:
  StepSchedule();

 protected:
  double scheduled_learning_rate(int step, double base_lr) const override;
  void validate_settings() const override;
};

}  // namespace lv
