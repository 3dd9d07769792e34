// Sharpness-Aware Minimization around any base optimizer: SAM (Foret et al. 2021, "Sharpness-
// Aware Minimization for Efficiently Improving Generalization", Algorithm 1) and adaptive ASAM
// (Kwon et al. 2021, "ASAM: Adaptive Sharpness-Aware Minimization ...", eq. 10 with
// T_w = diag(|w| + η)). The base takes its step with the gradient at the perturbed point.
#pragma once

#include "optim/wrapped_optimizer.hpp"

namespace lv {

class Sam : public WrappedOptimizer {
 public:
  // adaptive = false: `sam` (ρ = 0.05); true: `asam` (ρ = 0.5, the paper's larger radius).
  explicit Sam(bool adaptive = false);
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

  // The ascent step ε̂(w) for gradient g: SAM ρ g/‖g‖; ASAM ρ T_w² g / ‖T_w g‖. Zero when g = 0.
  static Vec perturbation(const Vec& weights, const Vec& gradient, double rho, bool adaptive,
                          double eta);

 private:
  double rho_ = 0.0, eta_ = 0.0;
  bool adaptive_ = false;
  Vec perturbed_point_, perturbed_gradient_;
};

// `asam`: Sam with adaptive = true and ρ = 0.5 as defaults.
class Asam final : public Sam {
 public:
  Asam() : Sam(true) {}
};

}  // namespace lv
