// ExponentialLR: the lr decays by gamma every step (torch.optim.lr_scheduler.ExponentialLR).
#pragma once

#include "schedule/schedule.hpp"

namespace lv {

class ExponentialSchedule final : public Schedule {
 public:
  ExponentialSchedule();

 protected:
  double scheduled_learning_rate(int step, double base_lr) const override;
  void validate_settings() const override;
};

}  // namespace lv
