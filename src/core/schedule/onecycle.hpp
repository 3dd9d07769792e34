// OneCycleLR: the 1cycle policy (Smith & Topin 2017, "Super-Convergence"): up from
// max_lr/div_factor to max_lr, then down to max_lr/(div_factor·final_div_factor), optionally in
// three phases, as torch.optim.lr_scheduler.OneCycleLR. It sets its own lrs (the optimizer's lr
// is not used); momentum cycling is not done. Past total_steps, where PyTorch raises, the lr
// stays at its final value (the lr at step total_steps − 1).
#pragma once

#include "schedule/schedule.hpp"

namespace lv {

class OneCycleSchedule final : public Schedule {
 public:
  OneCycleSchedule();

 protected:
  double scheduled_learning_rate(int step, double base_lr) const override;
  void validate_settings() const override;
};

}  // namespace lv
