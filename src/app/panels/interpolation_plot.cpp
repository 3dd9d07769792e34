// The interpolation plot: loss and accuracy against α, one curve per data set, drawn like the
// Plots panel (axes, ticks, legend, hover readout).
//
// Contents: axes (fit_y, draw_axes, draw_title) · draw_curve · draw_line_plot ·
// draw_interpolation_plot
#include "panels/interpolation_plot.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "panels/plot_axes.hpp"
#include "plot/nice_ticks.hpp"

namespace lv::app {
namespace {

// Okabe–Ito colors, as the Network panel's scatter plot uses them.
const ImU32 k_bezier_color = IM_COL32(0, 158, 115, 255);

// ==== axes
// ====================================================================================

struct Series {
  const std::vector<double>* x;
  const std::vector<double>* y;
  ImU32 color;
  const char* name;
};

void fit_y(PlotAxes& axes, const std::vector<Series>& series) {
  YRange range;
  for (const Series& one : series)
    for (const double value : *one.y) range.add(axes, value);
  range.apply_to(axes);
}

void draw_axes(ImDrawList* draw, const PlotAxes& axes) {
  const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 grid_color = ImGui::GetColorU32(ImGuiCol_Border);
  const ImU32 faint = (grid_color & 0x00ffffff) | 0x40000000;
  draw->AddRect(axes.origin, ImVec2(axes.origin.x + axes.size.x, axes.origin.y + axes.size.y),
                grid_color);
  for (const double y : linear_ticks(axes.y_min, axes.y_max, 4).values) {
    const ImVec2 at = axes.to_screen(axes.x_min, y);
    draw->AddLine(at, ImVec2(at.x + axes.size.x, at.y), faint);
    const std::string label = axis_tick_label(y, axes.log_y);
    const float width = ImGui::CalcTextSize(label.c_str()).x;
    draw->AddText(ImVec2(at.x - width - 4, at.y - ImGui::GetFontSize() * 0.5f), text_color,
                  label.c_str());
  }
  for (const double x : linear_ticks(axes.x_min, axes.x_max, 4).values) {
    const ImVec2 at = axes.to_screen(x, axes.y_min);
    draw->AddLine(at, ImVec2(at.x, at.y + 4), text_color);
    const std::string label = axis_tick_label(x, false);
    const float width = ImGui::CalcTextSize(label.c_str()).x;
    draw->AddText(ImVec2(at.x - 0.5f * width, at.y + 4), text_color, label.c_str());
  }
  // The two ends of the line: θ_A at α = 0, θ_B at α = 1.
  for (const auto& [alpha, name] : {std::pair(0.0, "A"), std::pair(1.0, "B")}) {
    if (alpha < axes.x_min || alpha > axes.x_max) continue;
    const float x = axes.to_screen(alpha, 0).x;
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
  if (points.size() >= 2)
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), series.color, 0, thickness);
  for (const ImVec2& point : points) draw->AddCircleFilled(point, thickness + 0.5f, series.color);
}

// The value of `series` at its sample nearest to `x`, or NaN when `x` lies outside it.
double nearest_value(const Series& series, double x) {
  const std::vector<double>& xs = *series.x;
  if (xs.size() < 2 || series.y->size() != xs.size() || x < xs.front() || x > xs.back())
    return std::numeric_limits<double>::quiet_NaN();
  const double position = (x - xs.front()) / (xs.back() - xs.front()) * (xs.size() - 1);
  return (*series.y)[static_cast<size_t>(std::lround(position))];
}

// ==== draw_line_plot
// ==============================================================================

void draw_line_plot(const char* title, const std::vector<Series>& series, bool log_y, double x_min,
                    double x_max, ImVec2 size) {
  const ImVec2 corner = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(title, size);
  const bool hovered = ImGui::IsItemHovered();
  const float left_margin = ImGui::CalcTextSize("-0.000").x + 6.0f;
  PlotAxes axes;
  axes.log_y = log_y;
  axes.x_min = x_min;
  axes.x_max = x_max;
  // Half a line above the frame keeps the top tick label whole; a line below holds the α ticks.
  const float font = ImGui::GetFontSize();
  axes.origin = ImVec2(corner.x + left_margin, corner.y + 0.5f * font + 2);
  const float right_margin = ImGui::CalcTextSize("000").x * 0.5f;
  axes.size = ImVec2(size.x - left_margin - right_margin, size.y - 1.5f * font - 10);
  fit_y(axes, series);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(corner, ImVec2(corner.x + size.x, corner.y + size.y), true);
  draw_axes(draw, axes);
  for (const Series& one : series) draw_curve(draw, axes, one, 1.5f);
  draw_title(draw, axes, title);
  draw->PopClipRect();
  if (!hovered) return;
  const double fraction =
      std::clamp((ImGui::GetIO().MousePos.x - axes.origin.x) / axes.size.x, 0.0f, 1.0f);
  const double alpha = x_min + fraction * (x_max - x_min);
  const float x = axes.to_screen(alpha, 0).x;
  draw->AddLine(ImVec2(x, axes.origin.y), ImVec2(x, axes.origin.y + axes.size.y),
                ImGui::GetColorU32(ImGuiCol_Text));
  ImGui::BeginTooltip();
  ImGui::Text("alpha = %.3f", alpha);
  for (const Series& one : series) {
    const double value = nearest_value(one, alpha);
    if (!std::isfinite(value)) continue;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(one.color), "%s %s: %.6g", one.name, title,
                       value);
  }
  ImGui::EndTooltip();
}

bool any_finite(const std::vector<double>& values) {
  return std::any_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

}  // namespace

// ==== draw_interpolation_plot
// =====================================================================

void draw_interpolation_plot(const InterpolationCurve& curve, bool log_loss) {
  if (curve.alpha.size() < 2) return;
  std::vector<Series> losses = {{&curve.alpha, &curve.train_loss, k_train_color, "train"}};
  std::vector<Series> accuracies = {{&curve.alpha, &curve.train_accuracy, k_train_color, "train"}};
  if (!curve.validation_loss.empty()) {
    losses.push_back({&curve.alpha, &curve.validation_loss, k_validation_color, "validation"});
    accuracies.push_back(
        {&curve.alpha, &curve.validation_accuracy, k_validation_color, "validation"});
  }
  if (!curve.bezier_loss.empty()) {  // t ∈ [0, 1] joins the same ends as α ∈ [0, 1]
    losses.push_back({&curve.bezier_t, &curve.bezier_loss, k_bezier_color, "Bezier"});
    accuracies.push_back({&curve.bezier_t, &curve.bezier_accuracy, k_bezier_color, "Bezier"});
  }
  for (size_t k = 0; k < losses.size(); ++k) {  // legend
    if (k > 0) ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(losses[k].color), "- %s", losses[k].name);
  }
  const ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 9.0f);
  const double x_min = curve.alpha.front(), x_max = curve.alpha.back();
  draw_line_plot("loss", losses, log_loss, x_min, x_max, size);
  if (any_finite(curve.train_accuracy))
    draw_line_plot("accuracy", accuracies, false, x_min, x_max, size);
}

}  // namespace lv::app
