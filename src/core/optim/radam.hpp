// RAdam (Liu et al. 2020, "On the Variance of the Adaptive Learning Rate and Beyond"), exactly as
// torch.optim.RAdam: Adam with the adaptive step rectified, or plain momentum while the variance
// estimate is unreliable (ρ_t ≤ 5).
#pragma once

#include "optim/adam_moments.hpp"

namespace lv {

class RAdam final : public Optimizer {
 public:
  RAdam();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;
  void visit_state(const std::function<void(Vec&)>& visit) override;

 private:
  AdamSettings settings_;
  AdamMoments moments_;
};

}  // namespace lv
