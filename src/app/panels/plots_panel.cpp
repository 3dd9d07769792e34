// Plots panel: loss, gradient norm, update norm and learning rate against the step for every
// optimizer, or (the "curvature" toggle) loss, λmax, λmin and κ of the Hessian at each iterate,
// with each run's stability limit on the λmax plot (dashed, in its color) and rings where λmax
// passes it; drawn with ImGui draw lists (axes, ticks, legend, hover readout, log y axes).
//
// Contents: series · axes (fit_y, draw_axes, draw_title) · draw_series (with simplified,
//           dashed) · draw_plot · draw_plots_panel
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "common/text.hpp"
#include "panels/panels.hpp"
#include "panels/plot_axes.hpp"
#include "run/trajectory_norms.hpp"
#include "state_actions.hpp"

namespace lv::app {
namespace {

// ==== series
// ==================================================================================

// What one plot shows: a column per optimizer slot (null: nothing for that slot).
struct PlotSpec {
  const char* title;
  std::function<const std::vector<double>*(size_t slot)> column;
  bool log_y = false;
  bool stability_limits = false;  // the λmax plot: limits and crossings
};

std::function<const std::vector<double>*(size_t)> trajectory_column(
    const AppState& state, const std::vector<double> Trajectory::*column) {
  return [&state, column](size_t slot) { return &(state.run.trajectories[slot].*column); };
}

std::function<const std::vector<double>*(size_t)> curvature_column(
    const AppState& state, const std::vector<double> CurvatureTrack::*column) {
  return [&state, column](size_t slot) -> const std::vector<double>* {
    return slot < state.run.curvature.size() ? &(state.run.curvature[slot].*column) : nullptr;
  };
}

// A log axis cannot show λ ≤ 0 (concave directions): such plots stay linear.
bool all_positive(const AppState& state, const PlotSpec& spec) {
  for (size_t i = 0; i < state.run.trajectories.size(); ++i) {
    const std::vector<double>* values = spec.column(i);
    if (!state.optimizers[i].visible || values == nullptr) continue;
    for (double value : *values) {
      if (std::isfinite(value) && value <= 0.0) return false;
    }
  }
  return true;
}

// ==== axes
// ====================================================================================

// The y range of the visible curves; on the λmax plot also the stability limits, when they are
// within a factor 4 of the curves' largest value on a linear axis (on a log axis always), so a
// far-away limit does not squash the curves (it is then marked at the top edge instead).
void fit_y(PlotAxes& axes, const AppState& state, const PlotSpec& spec) {
  YRange range;
  double largest = -std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < state.run.trajectories.size(); ++i) {
    const std::vector<double>* values = spec.column(i);
    if (!state.optimizers[i].visible || values == nullptr) continue;
    for (double value : *values) {
      range.add(axes, value);
      if (std::isfinite(value)) largest = std::max(largest, value);
    }
  }
  if (spec.stability_limits) {
    for (size_t i = 0; i < state.run.curvature.size() && i < state.optimizers.size(); ++i) {
      if (!state.optimizers[i].visible) continue;
      for (double limit : state.run.curvature[i].stability_limit) {
        if (axes.log_y || limit <= 4.0 * std::max(largest, 0.0)) range.add(axes, limit);
      }
    }
  }
  range.apply_to(axes);
}

void draw_axes(ImDrawList* draw, const PlotAxes& axes) {
  const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 grid_color = ImGui::GetColorU32(ImGuiCol_Border);
  draw->AddRect(axes.origin, ImVec2(axes.origin.x + axes.size.x, axes.origin.y + axes.size.y),
                grid_color);
  draw_y_axis(draw, axes);
  for (int tick = 0; tick <= 2; ++tick) {
    const double step = axes.x_max * tick / 2.0;
    const ImVec2 at = axes.to_screen(step, axes.y_min);
    draw->AddLine(at, ImVec2(at.x, at.y + 4), text_color);
    const std::string label = std::to_string(static_cast<long>(std::lround(step)));
    const float width = ImGui::CalcTextSize(label.c_str()).x;
    draw->AddText(ImVec2(at.x - 0.5f * width, at.y + 4), text_color, label.c_str());
  }
}

// The plot's title above its top right corner, outside the data: a short run near the top of a
// narrow plot is never hidden behind it.
void draw_title(ImDrawList* draw, const PlotAxes& axes, const char* title) {
  const ImVec2 title_size = ImGui::CalcTextSize(title);
  const ImVec2 title_at(axes.origin.x + axes.size.x - title_size.x - 2,
                        axes.origin.y - title_size.y - 1);
  draw->AddText(title_at, ImGui::GetColorU32(ImGuiCol_Text), title);
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

// A run's values as screen points, one per pixel column at most (long runs stay cheap), less
// where the curve is straight to within a quarter pixel. Values outside the y range are clamped
// to its edge, or left out when `clip`.
std::vector<ImVec2> column_points(const PlotAxes& axes, const std::vector<double>& values,
                                  bool clip) {
  std::vector<ImVec2> points;
  const int count = static_cast<int>(values.size());
  const int stride = std::max(1, static_cast<int>(count / std::max(axes.size.x, 1.0f)));
  for (int row = 0; row < count; row += stride) {
    const double y = axes.plotted(values[static_cast<size_t>(row)]);
    if (!std::isfinite(y) || (clip && (y < axes.y_min || y > axes.y_max))) continue;
    points.push_back(axes.to_screen(row, std::clamp(y, axes.y_min, axes.y_max)));
  }
  return simplified(points, 0.25f);
}

// One polyline per optimizer.
void draw_series(ImDrawList* draw, const PlotAxes& axes, const std::vector<double>& values,
                 ImU32 color, float thickness) {
  const std::vector<ImVec2> points = column_points(axes, values, false);
  if (points.size() >= 2) {
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), color, 0, thickness);
  }
}

// A curve as dashes (the stability limits, beside the solid λmax curves of the same color).
void draw_dashed_series(ImDrawList* draw, const PlotAxes& axes, const std::vector<double>& values,
                        ImU32 color, float thickness) {
  draw_dashed_polyline(draw, column_points(axes, values, true), color, thickness);
}

// The λmax plot's extras for one run: its stability limit (dashed; a labelled mark at the top
// edge when it lies above the plotted range) and a ring at each step where λmax passes it.
void draw_stability_limit(ImDrawList* draw, const PlotAxes& axes, const CurvatureTrack& track,
                          ImU32 color, float thickness) {
  if (!track.has_limit()) return;
  const double first = axes.plotted(track.stability_limit.front());
  if (std::isfinite(first) && first > axes.y_max) {
    char label[48];
    std::snprintf(label, sizeof label, "↑ limit %.3g", track.stability_limit.front());
    const ImVec2 at = axes.to_screen(axes.x_max, axes.y_max);
    const float width = ImGui::CalcTextSize(label).x;
    draw->AddText(ImVec2(at.x - width - 4, at.y + ImGui::GetFontSize() + 2), color, label);
  }
  draw_dashed_series(draw, axes, track.stability_limit, color, thickness);
  for (int row : track.crossings) {
    const double y = axes.plotted(track.lambda_max[static_cast<size_t>(row)]);
    if (!std::isfinite(y)) continue;
    const ImVec2 at = axes.to_screen(row, std::clamp(y, axes.y_min, axes.y_max));
    draw->AddCircle(at, 4.0f, color, 12, 1.5f);
  }
}

// ==== draw_plot
// ===================================================================================

void draw_plot(AppState& state, const PlotSpec& spec, ImVec2 size) {
  const char* title = spec.title;
  const ImVec2 corner = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(title, size);
  const bool hovered = ImGui::IsItemHovered();
  const float left_margin = ImGui::CalcTextSize("-0.00e+00").x + 6.0f;
  PlotAxes axes;
  axes.log_y = spec.log_y;
  const float title_height = ImGui::GetTextLineHeight() + 2.0f;
  axes.origin = ImVec2(corner.x + left_margin, corner.y + title_height);
  const float right_margin = ImGui::CalcTextSize("00000").x * 0.5f;
  axes.size =
      ImVec2(size.x - left_margin - right_margin, size.y - ImGui::GetFontSize() - 6 - title_height);
  axes.x_max = std::max(1, last_step(state));
  fit_y(axes, state, spec);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(corner, ImVec2(corner.x + size.x, corner.y + size.y), true);
  draw_axes(draw, axes);
  const float thickness = state.ui.presentation ? 3.0f : 1.5f;
  for (size_t i = 0; i < state.run.trajectories.size(); ++i) {
    const std::vector<double>* values = spec.column(i);
    if (!state.optimizers[i].visible || values == nullptr) continue;
    const auto color = readable_color(state, state.optimizers[i].color);
    const ImU32 color32 = ImGui::GetColorU32(ImVec4(color[0], color[1], color[2], 1.0f));
    draw_series(draw, axes, *values, color32, thickness);
    if (spec.stability_limits && i < state.run.curvature.size()) {
      draw_stability_limit(draw, axes, state.run.curvature[i], color32, thickness);
    }
  }
  draw_title(draw, axes, title);
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
    const std::vector<double>* values = spec.column(i);
    if (values == nullptr || row >= static_cast<int>(values->size())) continue;
    const auto color = readable_color(state, state.optimizers[i].color);
    const size_t r = static_cast<size_t>(row);
    const CurvatureTrack* track =
        spec.stability_limits && i < state.run.curvature.size() ? &state.run.curvature[i] : nullptr;
    if (track != nullptr && track->has_limit()) {
      ImGui::TextColored(ImVec4(color[0], color[1], color[2], 1.0f), "%s: %.6g (limit %.6g)",
                         state.optimizers[i].label.c_str(), (*values)[r],
                         track->stability_limit[r]);
    } else {
      ImGui::TextColored(ImVec4(color[0], color[1], color[2], 1.0f), "%s: %.6g",
                         state.optimizers[i].label.c_str(), (*values)[r]);
    }
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
  ImGui::SameLine();
  ImGui::Checkbox("curvature", &state.ui.curvature_plots);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "Hessian eigenvalues λmax, λmin and κ = max|λ|/min|λ| at every step; dashed on the λmax\n"
        "plot: the run's stability limit (2/lr for GD, (2+2β)/lr heavy ball,\n"
        "(2+2β)/((1+2β)lr) Nesterov), rings where λmax passes it");
  }
  if (!state.ui.curvature_plots) {
    static const char* const k_fourth[] = {"learning rate", "parameter norm", "effective lr",
                                           "update / parameter"};
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("update / parameter").x +
                            3.0f * ImGui::GetFontSize());
    ImGui::Combo("##fourth", &state.ui.fourth_plot, k_fourth, 4);
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip(
          "the last plot: the lr in force, the parameter norm ‖x‖, the effective lr ‖Δx‖/‖∇f‖\n"
          "or the update-to-parameter ratio ‖Δx‖/‖x‖ at every step");
    }
  }
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
  std::vector<PlotSpec> plots;
  plots.push_back({"loss", trajectory_column(state, &Trajectory::loss), log_y});
  if (state.ui.curvature_plots) {
    plots.push_back({"λmax", curvature_column(state, &CurvatureTrack::lambda_max), log_y, true});
    plots.push_back({"λmin", curvature_column(state, &CurvatureTrack::lambda_min), log_y});
    plots.push_back({"κ", curvature_column(state, &CurvatureTrack::condition), log_y});
  } else {
    plots.push_back({"gradient norm", trajectory_column(state, &Trajectory::gradient_norm), log_y});
    plots.push_back({"update norm", trajectory_column(state, &Trajectory::update_norm), log_y});
    if (state.ui.fourth_plot == 0) {
      plots.push_back(
          {"learning rate", trajectory_column(state, &Trajectory::learning_rate), log_y});
    }
  }
  // The derived per-step norms (run/trajectory_norms), one column per slot.
  static std::vector<std::vector<double>> derived;
  if (!state.ui.curvature_plots && state.ui.fourth_plot != 0) {
    const int which = std::clamp(state.ui.fourth_plot, 1, 3);
    derived.assign(state.run.trajectories.size(), {});
    for (size_t slot = 0; slot < state.run.trajectories.size(); ++slot) {
      const Trajectory& trajectory = state.run.trajectories[slot];
      for (int row = 0; row < trajectory.size(); ++row) {
        derived[slot].push_back(which == 1   ? parameter_norm(trajectory, row)
                                : which == 2 ? effective_learning_rate(trajectory, row)
                                             : update_to_parameter_ratio(trajectory, row));
      }
    }
    static const char* const k_titles[] = {"", "parameter norm", "effective lr",
                                           "update / parameter"};
    plots.push_back({k_titles[which],
                     [](size_t slot) -> const std::vector<double>* {
                       return slot < derived.size() ? &derived[slot] : nullptr;
                     },
                     log_y});
  }
  // A loss that reaches zero or below cannot be shown on a log axis as it is: plot its distance
  // to the lowest loss any run reached, f − f_min, and say so in the title.
  std::vector<std::vector<double>> shifted;
  std::string shifted_title;
  if (log_y && !all_positive(state, plots[0])) {
    double lowest = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < state.run.trajectories.size(); ++i) {
      if (!state.optimizers[i].visible) continue;
      for (const double value : state.run.trajectories[i].loss)
        if (std::isfinite(value)) lowest = std::min(lowest, value);
    }
    for (const Trajectory& trajectory : state.run.trajectories) {
      shifted.push_back(trajectory.loss);
      for (double& value : shifted.back()) value -= lowest;
    }
    char text[64];
    std::snprintf(text, sizeof text, "loss - min (%.4g)", lowest);
    shifted_title = with_minus_sign(text);
    plots[0].title = shifted_title.c_str();
    plots[0].column = [&shifted](size_t slot) { return &shifted[slot]; };
  }
  for (size_t k = 0; k < plots.size(); ++k) {
    if (k > 0) ImGui::SameLine();
    PlotSpec& plot = plots[k];
    const bool eigenvalues = state.ui.curvature_plots && k > 0;  // loss keeps its log axis
    if (eigenvalues) plot.log_y = plot.log_y && all_positive(state, plot);
    draw_plot(state, plot, size);
  }
  ImGui::End();
}

}  // namespace lv::app
