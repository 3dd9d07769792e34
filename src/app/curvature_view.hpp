// The curvature overlays of the 2D view and the curvature readouts, GL-free (tested in
// tests/gui): at each optimizer's point at the playback step, the Hessian's eigenvectors as
// double-headed arrows (length log-compressed in |λ|, negative curvature dashed in magenta) and
// the level set of the local quadratic model (curvature/quadratic_model.hpp); rings where a run's
// λmax passes its stability limit; and the text "λ1, λ2, κ, 2/λmax" the readouts show. The frame
// loop turns the geometry into line quads (render/line_renderer).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "app_state.hpp"

namespace lv::app {

// Where the playback stands on a run: the row the step has reached (clamped to the run) and the
// point between rows that the moving marker shows.
int playback_row(const Trajectory& trajectory, double step);
Vec playback_point(const Trajectory& trajectory, double step);

// The 90th percentile of |λ| (both eigenvalues, every row, finite and nonzero) of a race: the
// curvature a full-length eigenvector arrow stands for (1 when there is none). A percentile, so a
// diverging run's enormous curvatures do not shrink every other arrow to a stub.
double typical_curvature(const std::vector<CurvatureTrack>& tracks);

// The length of an eigenvector arrow as a fraction of the full length: 1 at |λ| ≥ scale, a
// quarter less per decade below it, at least k_min_arrow_fraction (λ = 0 still shows a stub).
constexpr double k_min_arrow_fraction = 0.12;
double eigen_arrow_fraction(double lambda, double scale);

// A polyline in function coordinates, its color and width in pixels (before DPI scaling).
struct OverlayLine {
  std::vector<Vec> points;
  std::array<float, 4> color{1, 1, 1, 1};
  float width = 2.0f;
};

// Negative curvature: eigenvector arrows in this color, dashed.
constexpr std::array<float, 4> k_negative_curvature_color{1.0f, 0.12f, 0.95f, 1.0f};

// The overlays switched on in state.view (hessian_eigenvectors, quadratic_model) for every
// visible optimizer with a run, at the playback step; `units_per_pixel` turns the pixel sizes
// (arrow length, model radius) into function units. Dark underlays come first, so drawing in
// order keeps every line readable on any colormap.
std::vector<OverlayLine> curvature_overlay(const AppState& state, double units_per_pixel);

// A step where a run's λmax went above its stability limit, reached by the playback.
struct CrossingRing {
  size_t slot = 0;
  int row = 0;
  double x = 0.0, y = 0.0;
};
std::vector<CrossingRing> crossing_rings(const AppState& state);

// "2/λmax = 0.0125" (the largest stable GD learning rate at a point) or "2/λmax = —" for λmax ≤ 0.
std::string stable_lr_text(double lambda_max);
// "λ1 = 2, λ2 = 8, κ = 4, 2/λmax = 0.25" (λ1 ≤ λ2).
std::string curvature_text(double lambda_min, double lambda_max);

}  // namespace lv::app
