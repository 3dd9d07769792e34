// RMSprop (Hinton, Coursera lecture 6e; centered form from Graves 2013, Eq. 38-45) with momentum,
// exactly as torch.optim.RMSprop.
#pragma once

#include "optim/optimizer.hpp"

namespace lv {

class RmsProp final : public Optimizer {
 public:
  RmsProp();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;
  void visit_state(const std::function<void(Vec&)>& visit) override;

 private:
  struct Settings {  // read from the hyperparameters at reset()
    double alpha, eps, weight_decay, momentum;
    bool centered, maximize;
  } settings_{};
  Vec direction_;
  Vec square_average_;    // square_avg
  Vec gradient_average_;  // grad_avg (centered)
  Vec denominator_;       // avg
  Vec momentum_buffer_;
};

}  // namespace lv
