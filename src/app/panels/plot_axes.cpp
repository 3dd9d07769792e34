#include "panels/plot_axes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "plot/nice_ticks.hpp"

namespace lv::app {

double PlotAxes::plotted(double value) const {
  if (!log_y) return value;
  return value > 0 ? std::log10(value) : std::numeric_limits<double>::quiet_NaN();
}

ImVec2 PlotAxes::to_screen(double x, double y) const {
  return {origin.x + static_cast<float>((x - x_min) / (x_max - x_min)) * size.x,
          origin.y + size.y - static_cast<float>((y - y_min) / (y_max - y_min)) * size.y};
}

void YRange::add(const PlotAxes& axes, double value) {
  const double y = axes.plotted(value);
  if (!std::isfinite(y)) return;
  low_ = std::min(low_, y);
  high_ = std::max(high_, y);
}

void YRange::apply_to(PlotAxes& axes) const {
  double low = low_, high = high_;
  if (!std::isfinite(low)) low = 0, high = 1;
  if (high - low < 1e-12) low -= 0.5, high += 0.5;
  const double margin = 0.05 * (high - low);
  axes.y_min = low - margin;
  axes.y_max = high + margin;
}

std::vector<AxisTick> y_axis_ticks(const PlotAxes& axes) {
  std::vector<AxisTick> ticks;
  std::vector<double> minor;
  const Ticks major = axes.log_y ? log10_axis_ticks(axes.y_min, axes.y_max, &minor)
                                 : linear_ticks(axes.y_min, axes.y_max, 4);
  for (size_t k = 0; k < major.values.size(); ++k)
    ticks.push_back({major.values[k], major.labels[k]});
  for (const double at : minor) ticks.push_back({at, ""});
  return ticks;
}

void draw_y_axis(ImDrawList* draw, const PlotAxes& axes) {
  const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 grid_color = ImGui::GetColorU32(ImGuiCol_Border);
  const ImU32 faint = (grid_color & 0x00ffffff) | 0x40000000;
  for (const AxisTick& tick : y_axis_ticks(axes)) {
    const ImVec2 at = axes.to_screen(axes.x_min, tick.at);
    if (tick.label.empty()) {
      draw->AddLine(at, ImVec2(at.x + 3, at.y), text_color);
      continue;
    }
    draw->AddLine(at, ImVec2(at.x + axes.size.x, at.y), faint);
    const float width = ImGui::CalcTextSize(tick.label.c_str()).x;
    draw->AddText(ImVec2(at.x - width - 4, at.y - ImGui::GetFontSize() * 0.5f), text_color,
                  tick.label.c_str());
  }
}

void draw_dashed_polyline(ImDrawList* draw, const std::vector<ImVec2>& points, ImU32 color,
                          float thickness, float dash, float gap) {
  float phase = 0.0f;  // distance walked within the current dash + gap period
  for (size_t k = 1; k < points.size(); ++k) {
    const ImVec2 a = points[k - 1], b = points[k];
    const float length = std::hypot(b.x - a.x, b.y - a.y);
    float walked = 0.0f;
    while (walked < length) {
      const float left_in_period = (phase < dash ? dash : dash + gap) - phase;
      const float piece = std::max(std::min(left_in_period, length - walked), 1e-4f);
      if (phase < dash) {
        const float t0 = walked / length, t1 = std::min(walked + piece, length) / length;
        draw->AddLine(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0),
                      ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1), color, thickness);
      }
      walked += piece;
      phase = std::fmod(phase + piece, dash + gap);
    }
  }
}

}  // namespace lv::app
