// CyclicLR: the lr cycles between base_lr and max_lr (triangular, triangular2, exp_range), as
// torch.optim.lr_scheduler.CyclicLR (Smith 2017, "Cyclical Learning Rates for Training Neural
// Networks"). It sets its own lrs (the optimizer's lr is not used); momentum cycling is not done.
#pragma once

#include "schedule/schedule.hpp"

namespace lv {

class CyclicSchedule final : public Schedule {
 public:
  CyclicSchedule();

 protected:
  double scheduled_learning_rate(int step, double base_lr) const override;
  void validate_settings() const override;
};

}  // namespace lv
