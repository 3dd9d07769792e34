// Plain gradient descent x ← x − α∇f with a fixed step (α = lr) or a line search along −∇f: the
// baseline every second-order method is compared with.
#pragma once

#include "optim/line_search.hpp"

namespace lv {

class GradientDescent final : public Optimizer {
 public:
  bool full_batch() const override { return true; }
  GradientDescent();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

 private:
  LineSearch line_search_;
  Vec direction_;
};

}  // namespace lv
