// Adam with AMSGrad and maximize, exactly as torch.optim.Adam; AdamW (adamw.hpp) is the same
// rule with decoupled weight decay.
#pragma once

#include "optim/adam_moments.hpp"

namespace lv {

class Adam : public Optimizer {
 public:
  Adam();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;
  void visit_state(const std::function<void(Vec&)>& visit) override;
  bool preconditioner(DiagonalPreconditioner& out) const override;

 protected:
  // For variants over the same rule: `decoupled` picks AdamW's weight decay.
  Adam(std::string name, std::vector<HyperParameter> descriptors, bool decoupled);

 private:
  bool decoupled_;
  AdamSettings settings_;
  bool amsgrad_ = false;
  AdamMoments moments_;
  Vec max_second_moment_;  // max_exp_avg_sq (AMSGrad)
};

// The descriptors of the Adam family in torch.optim's argument order, with `weight_decay` given.
std::vector<HyperParameter> adam_parameters(double learning_rate, HyperParameter weight_decay);

}  // namespace lv
