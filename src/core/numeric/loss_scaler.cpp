#include "numeric/loss_scaler.hpp"

namespace lv {

LossScaler::LossScaler(NumberFormat format, LossScalingSettings settings)
    : format_(format), settings_(settings), scale_(settings.initial_scale) {}

// torch.cuda.amp.GradScaler: scale(loss).backward(); unscale_ (found_inf when any gradient is
// inf/NaN); step() skipped on found_inf; update(): backoff on found_inf, else growth after
// growth_interval consecutive good steps (torch/amp/grad_scaler.py, _amp_update_scale_).
bool LossScaler::scale_and_unscale(Vec& gradient) {
  Vec scaled = scale_ * gradient;
  round_to(format_, scaled);
  const bool finite = scaled.allFinite();
  if (finite) gradient = scaled / scale_;
  if (!finite) {
    scale_ *= settings_.backoff_factor;
    good_steps_ = 0;
  } else if (++good_steps_ == settings_.growth_interval) {
    scale_ *= settings_.growth_factor;
    good_steps_ = 0;
  }
  return finite;
}

}  // namespace lv
