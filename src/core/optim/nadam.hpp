// NAdam (Dozat 2016, "Incorporating Nesterov Momentum into Adam") with momentum decay, exactly
// as torch.optim.NAdam.
#pragma once

#include "optim/adam_moments.hpp"

namespace lv {

class NAdam final : public Optimizer {
 public:
  NAdam();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;
  void visit_state(const std::function<void(Vec&)>& visit) override;

 private:
  // μ_step = β1(1 − ½·0.96^(step·ψ)) (Dozat 2016's momentum schedule, as torch.optim.NAdam)
  double momentum_coefficient(double step) const;

  AdamSettings settings_;
  double momentum_decay_ = 0.0;  // ψ
  AdamMoments moments_;
  double mu_product_ = 1.0;  // ∏ μ_i over the steps so far
  double next_mu_ = 0.0;     // μ_{t+1}, computed by step t and used as μ by step t + 1
};

}  // namespace lv
