// Dynamic loss scaling for float16 runs, as torch.cuda.amp.GradScaler: the gradient is computed
// for the loss times S and stored in float16, where small gradients would otherwise flush to
// zero; an inf/NaN skips the step and halves S, every `growth_interval` good steps double it.
#pragma once

#include "common/types.hpp"
#include "numeric/precision.hpp"

namespace lv {

struct LossScalingSettings {
  double initial_scale = 65536.0;  // S at the start (default: 65536 = 2^16, GradScaler's)
  double growth_factor = 2.0;      // S ← S·growth after growth_interval good steps (default: 2)
  double backoff_factor = 0.5;     // S ← S·backoff after an inf/NaN gradient (default: 0.5)
  int growth_interval = 2000;      // good steps between growths (default: 2000)
};

class LossScaler {
 public:
  explicit LossScaler(NumberFormat format, LossScalingSettings settings = {});

  double scale() const { return scale_; }
  // Replaces `gradient` (of the unscaled loss, in double) by round(S·gradient)/S: the gradient of
  // the scaled loss stored in the format, unscaled exactly (S is a power of two), as GradScaler
  // unscales into float32 master gradients. Returns false when a stored component is inf/NaN:
  // the caller skips the step. Updates S either way (GradScaler.update()).
  bool scale_and_unscale(Vec& gradient);

 private:
  NumberFormat format_;
  LossScalingSettings settings_;
  double scale_;
  int good_steps_ = 0;  // GradScaler's _growth_tracker
};

}  // namespace lv
