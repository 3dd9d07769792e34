// Marquardt's rule for the damping λ of damped Newton and Levenberg–Marquardt (Marquardt 1963,
// "An algorithm for least-squares estimation of nonlinear parameters", SIAM J. Appl. Math. 11(2),
// with his factor ν = 10): try the step computed with λ; if f decreases, take it and divide λ by
// ν for the next step, otherwise multiply λ by ν and try again. Large λ makes the step a short
// gradient step, so some λ always decreases f away from a critical point.
#pragma once

#include <functional>

#include "common/types.hpp"
#include "optim/optimizer.hpp"

namespace lv {

// The HyperParameter `damping_factor` ν (1: fixed λ, no adaptation).
HyperParameter damping_factor_parameter(double default_value);

class AdaptiveDamping {
 public:
  void reset(double initial_damping, double factor, int max_tries);
  double damping() const { return damping_; }
  bool enabled() const { return factor_ > 1.0; }

  // Tries x + step_size·direction_for(λ) for growing λ (each trial point counted by the
  // oracle); moves x to the first that lowers f. Returns false, leaving x, when none of
  // max_tries does (at a minimum, or when the direction is unusable).
  bool advance(const StepContext& context, Vec& x, double step_size,
               const std::function<Vec(double damping)>& direction_for);

 private:
  double damping_ = 0.0;
  double factor_ = 1.0;
  int max_tries_ = 30;
};

}  // namespace lv
