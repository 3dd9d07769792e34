#include "run/precision_emulation.hpp"

namespace lv {

PrecisionEmulation::PrecisionEmulation(const PrecisionSettings& settings)
    : format_(settings.format) {
  if (settings.format == NumberFormat::Float16 && settings.loss_scaling) {
    scaler_.emplace(settings.format, settings.scaling);
  }
}

bool PrecisionEmulation::prepare_gradient(Vec& gradient, const ClipSettings& clip) {
  if (scaler_) {
    // As with GradScaler: unscale_ before clip_grad_norm_, and the unscaled gradient kept in
    // wider precision (the optimizer's arithmetic runs in double here).
    if (!scaler_->scale_and_unscale(gradient)) return false;
    clip_gradient(gradient, clip);
    return true;
  }
  clip_gradient(gradient, clip);
  round_to(format_, gradient);
  return true;
}

void PrecisionEmulation::round_state(Optimizer& optimizer) const {
  if (format_ == NumberFormat::Float64) return;
  optimizer.visit_state([this](Vec& state) { round_to(format_, state); });
}

}  // namespace lv
