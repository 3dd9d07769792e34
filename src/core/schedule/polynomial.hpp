// PolynomialLR: the lr decays polynomially to 0 over total_iters steps and stays there
// (torch.optim.lr_scheduler.PolynomialLR).
#pragma once

#include "schedule/schedule.hpp"

namespace lv {

class PolynomialSchedule final : public Schedule {
 public:
  PolynomialSchedule();

 protected:
  double scheduled_learning_rate(int step, double base_lr) const override;
};

}  // namespace lv
