// The Network panel's 1D interpolation plot (Goodfellow et al. 2015): loss and accuracy along
// θ(α) = (1 − α)·θ_A + α·θ_B on the training and validation sets, and along a trained Bézier curve
// between the same ends when one was computed, drawn with ImGui draw lists.
#pragma once

#include <imgui.h>

#include "network_session.hpp"

namespace lv::app {

// Okabe–Ito colors for curves on the training and the validation set (as the scatter plot's).
inline const ImU32 k_train_color = IM_COL32(86, 180, 233, 255);
inline const ImU32 k_validation_color = IM_COL32(230, 159, 0, 255);

// Draws the plots (loss, then accuracy for classification) across the available width, with
// ticks, a legend, markers at α = 0 and 1 and a hover readout. Draws nothing for an empty curve.
void draw_interpolation_plot(const InterpolationCurve& curve, bool log_loss);

}  // namespace lv::app
