// The constant schedule: the optimizer's lr at every step.
#pragma once

#include "schedule/schedule.hpp"

namespace lv {

class ConstantSchedule final : public Schedule {
 public:
  ConstantSchedule() : Schedule("constant", {}) {}

 protected:
  double scheduled_learning_rate(int, double base_lr) const override { return base_lr; }
};

}  // namespace lv
