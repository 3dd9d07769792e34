// Line plots for the Network panel: axes, curves, markers, title and hover readout.
//
// Contents: axes (fit_y, draw_axes, draw_title) · draw_curve · draw_line_plot · draw_legend
#include "panels/line_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "panels/plot_axes.hpp"
#include "plot/nice_ticks.hpp"

namespace lv::app {
namespace {

// ==== axes
// ====================================================================================

void fit_y(PlotAxes& axes, const std::vector<Series>& series) {
  YRange range;
  for (const Series& one : series)
    for (const double value : *one.y) range.add(axes, value);
  range.apply_to(axes);
}

void draw_axes(ImDrawList* draw, const PlotAxes& axes, const LinePlotOptions& options) {
  const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 grid_color = ImGui::GetColorU32(ImGuiCol_Border);
  draw->AddRect(axes.origin, ImVec2(axes.origin.x + axes.size.x, axes.origin.y + axes.size.y),
                grid_color);
  draw_y_axis(draw, axes);
  for (const double x : linear_ticks(axes.x_min, axes.x_max, 4).values) {
    const ImVec2 at = axes.to_screen(x, axes.y_min);
    draw->AddLine(at, ImVec2(at.x, at.y + 4), text_color);
    // Up to six digits as written ("3000", not "3e+03"); kept inside the frame at the ends.
    char label[32];
    std::snprintf(label, sizeof label, "%.6g", x);
    const float width = ImGui::CalcTextSize(label).x;
    const float right = axes.origin.x + axes.size.x;
    const float left = std::min(at.x - 0.5f * width, right - width);
    draw->AddText(ImVec2(left, at.y + 4), text_color, label);
  }
  for (const auto& [at_x, name] : options.x_markers) {
    if (at_x < axes.x_min || at_x > axes.x_max) continue;
    const float x = axes.to_screen(at_x, 0).x;
    draw->AddLine(ImVec2(x, axes.origin.y), ImVec2(x, axes.origin.y + axes.size.y), text_color,
                  1.0f);
    draw->AddText(ImVec2(x + 3, axes.origin.y + axes.size.y - ImGui::GetFontSize() - 2), text_color,
                  name);
  }
}

// The title on a backing of the window's color, drawn after the curves so it stays readable.
void draw_title(ImDrawList* draw, const PlotAxes& axes, const char* title) {
  const ImVec2 title_size = ImGui::CalcTextSize(title);
  const ImVec2 title_at(axes.origin.x + axes.size.x - title_size.x - 6, axes.origin.y + 2);
  draw->AddRectFilled(ImVec2(title_at.x - 3, title_at.y),
                      ImVec2(title_at.x + title_size.x + 3, title_at.y + title_size.y),
                      ImGui::GetColorU32(ImGuiCol_WindowBg, 0.85f));
  draw->AddText(title_at, ImGui::GetColorU32(ImGuiCol_Text), title);
}

// ==== draw_curve
// ==================================================================================

void draw_curve(ImDrawList* draw, const PlotAxes& axes, const Series& series, float thickness) {
  std::vector<ImVec2> points;
  for (size_t k = 0; k < series.x->size() && k < series.y->size(); ++k) {
    const double y = axes.plotted((*series.y)[k]);
    if (!std::isfinite(y)) continue;
    points.push_back(axes.to_screen((*series.x)[k], std::clamp(y, axes.y_min, axes.y_max)));
  }
  if (series.dashed) {
    draw_dashed_polyline(draw, points, series.color, thickness);
    return;
  }
  if (points.size() >= 2)
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), series.color, 0, thickness);
  for (const ImVec2& point : points) draw->AddCircleFilled(point, thickness + 0.5f, series.color);
}

// The value of `series` at its sample nearest to `x` (samples sorted by x), or NaN when `x`
// lies outside it.
double nearest_value(const Series& series, double x) {
  const std::vector<double>& xs = *series.x;
  if (xs.size() < 2 || series.y->size() != xs.size() || x < xs.front() || x > xs.back())
    return std::numeric_limits<double>::quiet_NaN();
  const auto above = std::lower_bound(xs.begin(), xs.end(), x);
  size_t k = static_cast<size_t>(above - xs.begin());
  if (k > 0 && (k == xs.size() || x - xs[k - 1] < *above - x)) --k;
  return (*series.y)[k];
}

}  // namespace

// ==== draw_line_plot
// ==============================================================================

void draw_line_plot(const char* title, const std::vector<Series>& series,
                    const LinePlotOptions& options, ImVec2 size) {
  const double x_min = options.x_min, x_max = options.x_max;
  const ImVec2 corner = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(title, size);
  const bool hovered = ImGui::IsItemHovered();
  const float left_margin = ImGui::CalcTextSize("-0.000").x + 6.0f;
  PlotAxes axes;
  axes.log_y = options.log_y;
  axes.x_min = x_min;
  axes.x_max = x_max;
  // Half a line above the frame keeps the top tick label whole; a line below holds the x ticks.
  const float font = ImGui::GetFontSize();
  axes.origin = ImVec2(corner.x + left_margin, corner.y + 0.5f * font + 2);
  const float right_margin = ImGui::CalcTextSize("000").x * 0.5f;
  axes.size = ImVec2(size.x - left_margin - right_margin, size.y - 1.5f * font - 10);
  fit_y(axes, series);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(corner, ImVec2(corner.x + size.x, corner.y + size.y), true);
  draw_axes(draw, axes, options);
  for (const Series& one : series) draw_curve(draw, axes, one, 1.5f);
  draw_title(draw, axes, title);
  draw->PopClipRect();
  if (!hovered) return;
  const double fraction =
      std::clamp((ImGui::GetIO().MousePos.x - axes.origin.x) / axes.size.x, 0.0f, 1.0f);
  const double at = x_min + fraction * (x_max - x_min);
  const float x = axes.to_screen(at, 0).x;
  draw->AddLine(ImVec2(x, axes.origin.y), ImVec2(x, axes.origin.y + axes.size.y),
                ImGui::GetColorU32(ImGuiCol_Text));
  ImGui::BeginTooltip();
  ImGui::Text("%s = %.4g", options.x_name, at);
  for (const Series& one : series) {
    const double value = nearest_value(one, at);
    if (!std::isfinite(value)) continue;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(one.color), "%s %s: %.6g", one.name, title,
                       value);
  }
  ImGui::EndTooltip();
}

void draw_legend(const std::vector<Series>& series) {
  for (size_t k = 0; k < series.size(); ++k) {
    if (k > 0) ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(series[k].color), "%s %s",
                       series[k].dashed ? "--" : "-", series[k].name);
  }
}

}  // namespace lv::app
