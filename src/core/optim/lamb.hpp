// LAMB (You et al. 2019, "Large Batch Optimization for Deep Learning: Training BERT in 76
// minutes", Algorithm 2): Adam's bias-corrected direction plus decoupled weight decay, scaled per
// parameter group by the trust ratio φ(‖x‖) / ‖r + λx‖.
#pragma once

#include "optim/optimizer.hpp"
#include "optim/parameter_groups.hpp"

namespace lv {

class Lamb final : public Optimizer {
 public:
  Lamb();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

 private:
  struct Settings {
    double beta1, beta2, eps, weight_decay, clamp_value;
    bool maximize;
    std::string grouping;
  } settings_{};
  ParameterGroups groups_;
  Vec first_moment_, second_moment_, update_;
  int step_count_ = 0;
};

}  // namespace lv
