#include "landscape_axes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "common/text.hpp"
#include "plot/nice_ticks.hpp"
#include "state_actions.hpp"
#include "view_axes.hpp"

namespace lv::app {
namespace {

std::string printed(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return with_minus_sign(text);
}

std::string percent_of_variance(double fraction) {
  const double percent = 100.0 * fraction;
  return printed(percent >= 10.0 ? "%.0f" : "%.1f", percent) + "% of variance";
}

}  // namespace

LandscapeFrame landscape_frame(const Rect& scene, double data_aspect, float font, bool axes) {
  // Room for: left, the y tick labels and the rotated title; below, the x tick labels and the
  // title; right, a gap, the bar, its tick labels and its rotated title; a margin elsewhere.
  const float left = axes ? 6.0f * font : font, bottom = axes ? 3.8f * font : font;
  const float top = 1.2f * font, bar_gap = 1.2f * font, bar_width = 1.3f * font;
  const float right = bar_gap + bar_width + 6.5f * font;
  const float room_width = std::max(scene.width - left - right, 16.0f);
  const float room_height = std::max(scene.height - top - bottom, 16.0f);
  const float aspect = static_cast<float>(std::clamp(data_aspect, 1e-3, 1e3));
  const float width = std::min(room_width, room_height * aspect);
  const float height = width / aspect;
  LandscapeFrame frame;
  frame.plot.x = scene.x + left + 0.5f * (room_width - width);
  frame.plot.y = scene.y + top + 0.5f * (room_height - height);
  frame.plot.width = width;
  frame.plot.height = height;
  frame.colorbar = {frame.plot.x + width + bar_gap, frame.plot.y, bar_width, height};
  return frame;
}

AxisTitles landscape_axis_titles(const NetworkSnapshot& snapshot) {
  if (!snapshot.surface_file.empty()) {
    const std::string name = std::filesystem::path(snapshot.surface_file).filename().string();
    if (snapshot.surface_pca) return {"PC1 (" + name + ")", "PC2 (" + name + ")"};
    return {"x (" + name + ")", "y (" + name + ")"};
  }
  switch (snapshot.surface_plane) {
    case LandscapePlane::Pca:
      return {"PC1 (" + percent_of_variance(snapshot.explained_x) + ")",
              "PC2 (" + percent_of_variance(snapshot.explained_y) + ")"};
    case LandscapePlane::Hessian: {
      const std::vector<double>& lambda = snapshot.hessian_eigenvalues;
      const auto title = [&](size_t k) {
        const std::string name = "Hessian eigenvector " + std::to_string(k + 1);
        return k < lambda.size() ? name + " (λ = " + printed("%.3g", lambda[k]) + ")" : name;
      };
      return {title(0), title(1)};
    }
    case LandscapePlane::Files:
      return {snapshot.direction_x_file, snapshot.direction_y_file};
    case LandscapePlane::Random:
      break;
  }
  return {"δ (filter-normalized)", "η (filter-normalized)"};
}

std::vector<ScaleTick> axis_ticks(double low, double high, int target_count) {
  std::vector<ScaleTick> result;
  if (!(high > low)) return result;
  const Ticks ticks = linear_ticks(low, high, target_count);
  for (size_t k = 0; k < ticks.values.size(); ++k) {
    result.push_back({(ticks.values[k] - low) / (high - low), with_minus_sign(ticks.labels[k])});
  }
  return result;
}

Colorbar landscape_colorbar(double low, double high, bool log_scale) {
  // The main view's value scale (view_axes.hpp), named for a loss.
  ViewState view;
  view.value_min = static_cast<float>(low);
  view.value_max = static_cast<float>(high);
  view.log_scale = log_scale;
  view.contours = 0;
  const ValueScaleTicks scale = value_scale_ticks(view);
  Colorbar bar;
  bar.title = "loss" + scale.title.substr(1) + (log_scale ? " (log scale)" : "");
  for (const auto& tick : scale.major) bar.ticks.push_back({tick.t, tick.label});
  return bar;
}

std::vector<ScaleTick> thin_ticks(const std::vector<ScaleTick>& ticks, double spacing) {
  std::vector<ScaleTick> kept;
  for (const ScaleTick& tick : ticks) {
    if (tick.position < -1e-9 || tick.position > 1.0 + 1e-9) continue;
    if (!kept.empty() && tick.position - kept.back().position < spacing) continue;
    kept.push_back(tick);
  }
  return kept;
}

}  // namespace lv::app
