// MultiStepLR: the lr decays by gamma at each milestone (torch.optim.lr_scheduler.MultiStepLR).
#pragma once

#include "schedule/schedule.hpp"

namespace lv {

class MultiStepSchedule final : public Schedule {
 public:
  MultiStepSchedule();

 protected:
  double scheduled_learning_rate(int step, double base_lr) const override;
  void validate_settings() const override;
};

}  // namespace lv
