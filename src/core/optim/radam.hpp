// RAdam (Liu et al. 2020, "On the Variance of the Adaptive Learning Rate and Beyond"), exactly as
// torch.optim.RAdam: Adam with the adaptive step rectified, or plain momentum while the variance
// estimate is unreliable (ρ_t ≤ 5).
#pragma once

#include "optim/gradient_terms.hpp"
#include "optim/optimizer.hpp"

namespace lv {

class RAdam final : public Optimizer {
 public:
  RAdam();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

 private:
  struct Settings {  // read from the hyperparameters at reset()
    double beta1, beta2, eps;
    WeightDecay weight_decay;
    bool maximize;
  } settings_{};
  long step_count_ = 0;
  Vec direction_;
  Vec first_moment_;
  Vec second_moment_;
};

}  // namespace lv
