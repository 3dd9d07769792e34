// Warmup-stable-decay (WSD): linear warmup from 0, a long stable phase at the optimizer's lr,
// then a short decay to min_lr_ratio·lr. Hu et al. 2024, "MiniCPM: Unveiling the Potential of
// Small Language Models with Scalable Training Strategies", arXiv:2404.06395, §4 (WSD LRS).
#pragma once

#include "schedule/schedule.hpp"

namespace lv {

class WsdSchedule final : public Schedule {
 public:
  WsdSchedule();

 protected:
  double scheduled_learning_rate(int step, double base_lr) const override;
  void validate_settings() const override;
};

}  // namespace lv
