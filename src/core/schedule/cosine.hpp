// CosineAnnealingLR: half a cosine from lr down to eta_min over T_max steps, continuing
// periodically (period 2·T_max) beyond (torch.optim.lr_scheduler.CosineAnnealingLR).
#pragma once

#include "schedule/schedule.hpp"

namespace lv {

class CosineSchedule final : public Schedule {
 public:
  CosineSchedule();

 protected:
  double scheduled_learning_rate(int step, double base_lr) const override;
};

}  // namespace lv
