// The views of a two-parameter model on data (docs/two_param_models.md), GL-free (tested in
// tests/gui): the mini-batch gradient cloud at the selected optimizer's point for the main 2D
// view (as overlay lines), and the numbers the Data panel reads out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app_state.hpp"
#include "curvature_view.hpp"
#include "models/gradient_noise.hpp"

namespace lv::app {

// Sampled batches drawn in the cloud.
constexpr int k_cloud_batches = 64;

// The noise at an optimizer's playback point (the selected one, else the first visible one that
// takes mini-batches: 0 < batch size < n, not a full-batch method), when a model is shown.
struct CloudAt {
  size_t slot = 0;
  Vec point;
  double learning_rate = 0.0;
  GradientNoise noise;
};
std::optional<CloudAt> gradient_cloud(const AppState& state);

// At the point: each sampled batch's step −lr·g as a dot, the full-gradient step −lr·G as a
// line, and the 2σ ellipse of −lr·g (covariance lr²·Σ_B); `units_per_pixel` sizes the dots.
std::vector<OverlayLine> gradient_cloud_overlay(const AppState& state, double units_per_pixel);
// The factor the cloud and the full step are drawn enlarged by so the cloud spans at least 40
// pixels (1, 2, 5, 10, 20, ...; 1 when it is large enough already): one step of lr·g is often a
// few pixels, too small to read. The Data panel states it.
double cloud_magnification(const CloudAt& cloud, double units_per_pixel);

// "B = 4 of n = 60 (15 batches per epoch), epoch 3" and B_simple for the readout.
std::string minibatch_text(const AppState& state, double units_per_pixel);

}  // namespace lv::app
