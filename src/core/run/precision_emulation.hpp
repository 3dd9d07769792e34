// A run emulated in a lower-precision number format (docs/precision.md): the runner stores the
// parameters, the gradient the optimizer sees and the optimizer's state vectors in the format
// (round to nearest even after every step/evaluation), with dynamic loss scaling for float16.
// At float64 every function here is the identity, so float64 runs are bit-for-bit unchanged.
#pragma once

#include <optional>

#include "numeric/loss_scaler.hpp"
#include "numeric/precision.hpp"
#include "optim/optimizer.hpp"
#include "run/gradient_clipping.hpp"

namespace lv {

struct PrecisionSettings {
  NumberFormat format = NumberFormat::Float64;  // (default: float64, no rounding)
  bool loss_scaling = true;     // dynamic loss scaling, float16 runs only (default: on)
  LossScalingSettings scaling;  // GradScaler's defaults
};

class PrecisionEmulation {
 public:
  explicit PrecisionEmulation(const PrecisionSettings& settings);

  // Parameters after each step (and the start point): rounded to the format.
  void round_point(Vec& x) const { round_to(format_, x); }
  // The gradient the optimizer will see (noise already added): float16 with loss scaling goes
  // through the LossScaler (scaled, stored in float16, unscaled exactly), then clipping; other
  // formats clip, then round. Returns false when the step must be skipped (an inf/NaN in the
  // scaled float16 gradient).
  bool prepare_gradient(Vec& gradient, const ClipSettings& clip);
  // Every state vector the optimizer exposes (Optimizer::visit_state), rounded to the format.
  void round_state(Optimizer& optimizer) const;

 private:
  NumberFormat format_;
  std::optional<LossScaler> scaler_;
};

}  // namespace lv
