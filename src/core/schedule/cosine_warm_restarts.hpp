// CosineAnnealingWarmRestarts (SGDR): cosine cycles from lr down towards eta_min, restarting at
// lr after T_0, T_0·T_mult, T_0·T_mult², ... steps
// (torch.optim.lr_scheduler.CosineAnnealingWarmRestarts).
#pragma once

#include "schedule/schedule.hpp"

namespace lv {

class CosineWarmRestartsSchedule final : public Schedule {
 public:
  CosineWarmRestartsSchedule();

 protected:
  double scheduled_learning_rate(int step, double base_lr) const override;
};

}  // namespace lv
