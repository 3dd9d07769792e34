// Plots panel: loss, gradient norm, update norm and learning rate against the step for every
// optimizer, drawn with ImGui draw lists (axes, ticks, legend, hover readout, log y axes).
//
// Contents: axes (fit_y, draw_axes) · draw_series (with simplified) · draw_plot ·
//           draw_plots_panel
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "panels/panels.hpp"
#include "panels/plot_axes.hpp"
#include "state_actions.hpp"

namespace lv::app {
namespace {

// ==== axes
// ====================================================================================

using Column = const std::vector<double> Trajectory::*;

void fit_y(PlotAxes& axes, const AppState& state, Column column) {
  YRange range;
  for (size_t i = 0; i < state.run.trajectories.size(); ++i) {
    if (!state.optimizers[i].visible) continue;
    for (double value : state.run.trajectories[i].*column) range.add(axes, value);
  }
  range.apply_to(axes);
}

void draw_axes(ImDrawList* draw, const PlotAxes& axes, const char* title) {
  const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 grid_color = ImGui::GetColorU32(ImGuiCol_Border);
  draw->AddRect(axes.origin, ImVec2(axes.origin.x + axes.size.x, axes.origin.y + axes.size.y),
                grid_color);
  for (int tick = 0; tick <= 4; ++tick) {
    const double y = axes.y_min + (axes.y_max - axes.y_min) * tick / 4.0;
    const ImVec2 at = axes.to_screen(0, y);
    draw->AddLine(at, ImVec2(at.x + axes.size.x, at.y), (grid_color & 0x00ffffff) | 0x40000000);
    const std::string label = axis_tick_label(y, axes.log_y);
    const float width = ImGui::CalcTextSize(label.c_str()).x;
    draw->AddText(ImVec2(at.x - width - 4, at.y - ImGui::GetFontSize() * 0.5f), text_color,
                  label.c_str());
  }
  for (int tick = 0; tick <= 2; ++tick) {
    const double step = axes.x_max * tick / 2.0;
    const ImVec2 at = axes.to_screen(step, axes.y_min);
    draw->AddLine(at, ImVec2(at.x, at.y + 4), text_color);
    const std::string label = std::to_string(static_cast<long>(std::lround(step)));
    const float width = ImGui::CalcTextSize(label.c_str()).x;
    draw->AddText(ImVec2(at.x - 0.5f * width, at.y + 4), text_color, label.c_str());
  }
  const float title_width = ImGui::CalcTextSize(title).x;
  draw->AddText(ImVec2(axes.origin.x + axes.size.x - title_width - 6, axes.origin.y + 2),
                text_color, title);
}

// ==== draw_series
// =================================================================================

// Drops the points of `points` that lie within `tolerance` pixels of the chord between the points
// kept around them (Ramer–Douglas–Peucker): smooth stretches of a curve cost a few vertices
// instead of one per pixel column, and a software rasterizer pays per triangle.
std::vector<ImVec2> simplified(const std::vector<ImVec2>& points, float tolerance) {
  if (points.size() < 3) return points;
  std::vector<bool> keep(points.size(), false);
  keep.front() = keep.back() = true;
  std::vector<std::pair<size_t, size_t>> spans = {{0, points.size() - 1}};
  while (!spans.empty()) {
    const auto [first, last] = spans.back();
    spans.pop_back();
    const ImVec2 a = points[first], b = points[last];
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float length = std::max(std::sqrt(dx * dx + dy * dy), 1e-6f);
    float farthest = tolerance;
    size_t split = 0;
    for (size_t i = first + 1; i < last; ++i) {
      const float distance = std::abs(dx * (points[i].y - a.y) - dy * (points[i].x - a.x)) / length;
      if (distance > farthest) farthest = distance, split = i;
    }
    if (split == 0) continue;
    keep[split] = true;
    spans.emplace_back(first, split);
    spans.emplace_back(split, last);
  }
  std::vector<ImVec2> kept;
  for (size_t i = 0; i < points.size(); ++i) {
    if (keep[i]) kept.push_back(points[i]);
  }
  return kept;
}

// One polyline per optimizer, one vertex per pixel column at most (long runs stay cheap), less
// where the curve is straight to within a quarter pixel.
void draw_series(ImDrawList* draw, const PlotAxes& axes, const std::vector<double>& values,
                 ImU32 color, float thickness) {
  std::vector<ImVec2> points;
  const int count = static_cast<int>(values.size());
  const int stride = std::max(1, static_cast<int>(count / std::max(axes.size.x, 1.0f)));
  for (int row = 0; row < count; row += stride) {
    const double y = axes.plotted(values[static_cast<size_t>(row)]);
    if (!std::isfinite(y)) continue;
    points.push_back(axes.to_screen(row, std::clamp(y, axes.y_min, axes.y_max)));
  }
  points = simplified(points, 0.25f);
  if (points.size() >= 2) {
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), color, 0, thickness);
  }
}

// ==== draw_plot
// ===================================================================================

void draw_plot(AppState& state, const char* title, Column column, bool log_y, ImVec2 size) {
  const ImVec2 corner = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(title, size);
  const bool hovered = ImGui::IsItemHovered();
  const float left_margin = ImGui::CalcTextSize("-0.00e+00").x + 6.0f;
  PlotAxes axes;
  axes.log_y = log_y;
  axes.origin = ImVec2(corner.x + left_margin, corner.y + 2);
  const float right_margin = ImGui::CalcTextSize("00000").x * 0.5f;
  axes.size = ImVec2(size.x - left_margin - right_margin, size.y - ImGui::GetFontSize() - 8);
  axes.x_max = std::max(1, last_step(state));
  fit_y(axes, state, column);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(corner, ImVec2(corner.x + size.x, corner.y + size.y), true);
  draw_axes(draw, axes, title);
  const float thickness = state.ui.presentation ? 3.0f : 1.5f;
  for (size_t i = 0; i < state.run.trajectories.size(); ++i) {
    if (!state.optimizers[i].visible) continue;
    const auto color = readable_color(state, state.optimizers[i].color);
    draw_series(draw, axes, state.run.trajectories[i].*column,
                ImGui::GetColorU32(ImVec4(color[0], color[1], color[2], 1.0f)), thickness);
  }
  const ImVec2 now = axes.to_screen(state.playback.step, axes.y_min);
  draw->AddLine(ImVec2(now.x, axes.origin.y), now, ImGui::GetColorU32(ImGuiCol_PlotLinesHovered));
  draw->PopClipRect();
  if (!hovered) return;
  const double step =
      std::clamp((ImGui::GetIO().MousePos.x - axes.origin.x) / axes.size.x, 0.0f, 1.0f) *
      axes.x_max;
  const int row = static_cast<int>(std::lround(step));
  draw->AddLine(ImVec2(axes.to_screen(row, 0).x, axes.origin.y),
                ImVec2(axes.to_screen(row, 0).x, axes.origin.y + axes.size.y),
                ImGui::GetColorU32(ImGuiCol_Text));
  ImGui::BeginTooltip();
  ImGui::Text("%s at step %d", title, row);
  for (size_t i = 0; i < state.run.trajectories.size(); ++i) {
    const std::vector<double>& values = state.run.trajectories[i].*column;
    if (row >= static_cast<int>(values.size())) continue;
    const auto color = readable_color(state, state.optimizers[i].color);
    ImGui::TextColored(ImVec4(color[0], color[1], color[2], 1.0f), "%s: %.6g",
                       state.optimizers[i].label.c_str(), values[static_cast<size_t>(row)]);
  }
  ImGui::EndTooltip();
}

}  // namespace

// ==== draw_plots_panel
// ============================================================================

void draw_plots_panel(AppState& state, const Rect& area) {
  if (!state.ui.show_plots || state.run.trajectories.empty()) return;
  ImGui::SetNextWindowPos(ImVec2(area.x, area.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(area.width, area.height), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.85f);
  if (!ImGui::Begin("Plots", &state.ui.show_plots,
                    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                        ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  ImGui::Checkbox("log y", &state.ui.plots_log_y);
  for (size_t i = 0; i < state.optimizers.size(); ++i) {  // legend
    ImGui::SameLine();
    const auto color = readable_color(state, state.optimizers[i].color);
    ImGui::TextColored(ImVec4(color[0], color[1], color[2], 1.0f), "- %s",
                       state.optimizers[i].label.c_str());
  }
  const ImVec2 available = ImGui::GetContentRegionAvail();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 size((available.x - 3 * spacing) / 4.0f, std::max(available.y, 40.0f));
  const bool log_y = state.ui.plots_log_y;
  draw_plot(state, "loss", &Trajectory::loss, log_y, size);
  ImGui::SameLine();
  draw_plot(state, "gradient norm", &Trajectory::gradient_norm, log_y, size);
  ImGui::SameLine();
  draw_plot(state, "update norm", &Trajectory::update_norm, log_y, size);
  ImGui::SameLine();
  draw_plot(state, "learning rate", &Trajectory::learning_rate, log_y, size);
  ImGui::End();
}

}  // namespace lv::app
