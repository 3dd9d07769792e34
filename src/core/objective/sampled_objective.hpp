// lv::SampledObjective: an objective that is a mean over data samples, f(x) = (1/n) Σᵢ ℓᵢ(x)
// (an empirical loss), so the runner can ask for the gradient of a mini-batch instead of the
// full gradient (run/runner.hpp, docs/two_param_models.md).
#pragma once

#include <span>

#include "objective/objective.hpp"

namespace lv {

class SampledObjective : public Objective {
 public:
  virtual int sample_count() const = 0;
  // The mean loss and mean gradient over the samples at `indices` (each in [0, sample_count())):
  // a mini-batch's loss and gradient. Over all samples it equals value_gradient().
  virtual double batch_value_gradient(const Vec& x, std::span<const int> indices,
                                      Vec& gradient) const = 0;
};

}  // namespace lv
