// LARS, layer-wise adaptive rate scaling (You, Gitman & Ginsburg 2017, "Large Batch Training of
// Convolutional Networks", Algorithm 1): heavy-ball momentum whose step per parameter group is
// scaled by the trust ratio η‖w‖ / (‖∇L(w)‖ + β‖w‖).
#pragma once

#include "optim/optimizer.hpp"
#include "optim/parameter_groups.hpp"

namespace lv {

// The ratio ‖weights‖ / ‖update‖ that LARS and LAMB scale a group's step by; 1 when either norm
// is zero (the paper leaves that case open; a zero weight group would otherwise never move).
double trust_ratio(double weight_norm, double update_norm);

class Lars final : public Optimizer {
 public:
  Lars();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

 private:
  struct Settings {
    double momentum, weight_decay, trust_coefficient;
    std::string grouping;
  } settings_{};
  ParameterGroups groups_;
  Vec velocity_;
};

}  // namespace lv
