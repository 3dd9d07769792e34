// Adamax (Kingma & Ba 2015, Section 7.1: Adam with the infinity norm), exactly as
// torch.optim.Adamax.
#pragma once

#include "optim/optimizer.hpp"

namespace lv {

class Adamax final : public Optimizer {
 public:
  Adamax();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

 private:
  struct Settings {  // read from the hyperparameters at reset()
    double beta1, beta2, eps, weight_decay;
    bool maximize;
  } settings_{};
  long step_count_ = 0;
  Vec direction_;
  Vec first_moment_;   // exp_avg
  Vec infinity_norm_;  // exp_inf
};

}  // namespace lv
