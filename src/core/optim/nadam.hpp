// NAdam (Dozat 2016, "Incorporating Nesterov Momentum into Adam") with momentum decay, exactly
// as torch.optim.NAdam.
#pragma once

#include "optim/gradient_terms.hpp"
#include "optim/optimizer.hpp"

namespace lv {

class NAdam final : public Optimizer {
 public:
  NAdam();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

 private:
  struct Settings {  // read from the hyperparameters at reset()
    double beta1, beta2, eps, momentum_decay;
    WeightDecay weight_decay;
    bool maximize;
  } settings_{};
  long step_count_ = 0;
  double mu_product_ = 1.0;  // ∏ μ_i over the steps so far
  Vec direction_;
  Vec first_moment_;
  Vec second_moment_;
};

}  // namespace lv
