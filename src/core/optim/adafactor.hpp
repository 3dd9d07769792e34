// Adafactor (Shazeer & Stern 2018, "Adafactor: Adaptive Learning Rates with Sublinear Memory
// Cost", Algorithms 4 and 5): second moments factored into row and column sums for matrix
// groups, relative step size, update clipping and the increasing decay β̂2t = 1 − t^(−0.8).
// Vector groups (every group of a 2D surface) keep unfactored second moments as Algorithm 5 does:
// factoring only exists for matrices.
#pragma once

#include <vector>

#include "optim/optimizer.hpp"
#include "optim/parameter_groups.hpp"

namespace lv {

class Adafactor final : public Optimizer {
 public:
  Adafactor();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

 private:
  struct Settings {
    double beta2_decay, eps1, eps2, clip_threshold;
    bool relative_step, scale_parameter, maximize;
    std::string grouping;
  } settings_{};
  // Second-moment statistics of one group: row and column sums R, C (matrix groups, Algorithm 4)
  // or the full V̂ (vector groups, Algorithm 5).
  struct Moments {
    Vec rows, cols, full;
  };
  Vec scaled_update(const ParameterGroup& group, Moments& moments, const Vec& gradient,
                    double decay) const;

  ParameterGroups groups_;
  std::vector<Moments> moments_;
  int step_count_ = 0;
};

}  // namespace lv
