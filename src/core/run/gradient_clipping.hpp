// Gradient clipping, as torch.nn.utils.clip_grad_norm_ / clip_grad_value_.
#pragma once

#include "common/types.hpp"

namespace lv {

struct ClipSettings {
  double max_norm = 0.0;   // > 0: rescale so ‖g‖₂ ≤ max_norm (0: off)
  double max_value = 0.0;  // > 0: clamp every component to [−max_value, max_value] (0: off)
};

// clip_grad_norm_: coef = max_norm / (‖g‖ + 1e-6); g *= coef when coef < 1.
void clip_gradient(Vec& gradient, const ClipSettings& settings);

}  // namespace lv
