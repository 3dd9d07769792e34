// The network landscape drawn as a chart (GL-free, tested in tests/gui): where the plot, its
// axes and its colorbar go in the scene, the axis titles naming the plane's directions, and the
// ticks of the axes and of the colorbar (on the shaders' linear or log value scale), labelled
// with a real minus sign.
#pragma once

#include <string>
#include <vector>

#include "network_session.hpp"
#include "panels/panels.hpp"

namespace lv::app {

struct LandscapeFrame {
  Rect plot;      // the data region, with the data's aspect (equal units per pixel)
  Rect colorbar;  // right of the plot, as tall as it
};

// The largest plot of the data's aspect (width / height) that fits in `scene` beside the room
// its tick labels and titles (left, below: only with `axes`) and the colorbar (right) need; the
// whole group centered. `font` is the font size in pixels.
LandscapeFrame landscape_frame(const Rect& scene, double data_aspect, float font, bool axes);

struct AxisTitles {
  std::string x, y;
};
// "PC1 (83% of variance)", "δ (filter-normalized)", "Hessian eigenvector 1 (λ = 2.07)", the
// direction file's name, or for an opened surface file "x (surface.h5)".
AxisTitles landscape_axis_titles(const NetworkSnapshot& snapshot);


struct ScaleTick {
  double position = 0.0;  // along the axis, 0 at its low end, 1 at its high end
  std::string label;
};

// About `target_count` ticks at nice numbers inside the visible range [low, high].
std::vector<ScaleTick> axis_ticks(double low, double high, int target_count);

// The colorbar of losses in [low, high] as the shaders color them (lv_scaled, shaders/common.glsl;
// scaled_value in state_actions): on the linear scale nice values of the loss; on the log scale,
// log(1 + (f − low)/unit) with unit = 1e-4·(high − low), the powers of ten of f − low, which that
// scale spaces evenly, and 0 at the bottom.
struct Colorbar {
  std::string title;  // "loss" or "loss − 0.0213 (log scale)"
  std::vector<ScaleTick> ticks;
};
Colorbar landscape_colorbar(double low, double high, bool log_scale);

// Keeps the ticks at least `spacing` (axis fractions) from the last kept one, lowest first.
std::vector<ScaleTick> thin_ticks(const std::vector<ScaleTick>& ticks, double spacing);

}  // namespace lv::app
