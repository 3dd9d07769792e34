// `regularized`: L1 / L2 / elastic-net penalties and decoupled weight decay around any base
// optimizer. L1 either as the proximal step after the base step (soft-thresholding, exact zeros;
// with base sgd this is ISTA) or as the subgradient l1·sign(x) added to the gradient.
#pragma once

#include "optim/wrapped_optimizer.hpp"

namespace lv {

// prox of t‖·‖₁: S_t(v)_i = sign(v_i)·max(|v_i| − t, 0) (Parikh & Boyd 2014, "Proximal
// Algorithms", Sec. 6.5.2).
Vec soft_threshold(const Vec& v, double threshold);

class RegularizedOptimizer final : public WrappedOptimizer {
 public:
  RegularizedOptimizer();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

 private:
  struct Settings {
    double l1, l2, decoupled_weight_decay;
    bool proximal;
  } settings_{};
  Vec gradient_;
};

}  // namespace lv
