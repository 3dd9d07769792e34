// The axes shared by the panels' line plots drawn with ImGui draw lists (the Plots panel and the
// Network panel's plots): data ranges, the mapping to screen pixels, tick labels, dashed lines.
#pragma once

#include <imgui.h>

#include <limits>
#include <string>
#include <vector>

namespace lv::app {

struct PlotAxes {
  double x_min = 0.0, x_max = 1.0;
  double y_min = 0.0, y_max = 1.0;  // in plotted units (log10 when log_y)
  bool log_y = false;
  ImVec2 origin, size;  // plot area in screen pixels

  // The value on the y axis: log10 on a log axis, NaN for values a log axis cannot show.
  double plotted(double value) const;
  ImVec2 to_screen(double x, double y) const;
};

// Grows over the plotted values of every curve, then sets the y range with a 5% margin (a flat
// curve gets a unit range around it; no finite value gives [0, 1]).
class YRange {
 public:
  void add(const PlotAxes& axes, double value);
  void apply_to(PlotAxes& axes) const;

 private:
  double low_ = std::numeric_limits<double>::infinity();
  double high_ = -std::numeric_limits<double>::infinity();
};

struct AxisTick {
  double at = 0.0;    // in plotted units (log10 on a log axis)
  std::string label;  // empty for a minor tick
};

// The y axis's ticks: on a log axis lv::log10_axis_ticks (decades as people read them, minor
// ticks unlabelled), on a linear axis about four nice values.
std::vector<AxisTick> y_axis_ticks(const PlotAxes& axes);

// Draws the y ticks with faint grid lines across the plot and labels left of it.
void draw_y_axis(ImDrawList* draw, const PlotAxes& axes);

// A polyline drawn as dashes (`dash` pixels on, `gap` off), the pattern running on across
// vertices so that a dense curve of sub-pixel segments stays dashed. For reference lines such as
// stability limits.
void draw_dashed_polyline(ImDrawList* draw, const std::vector<ImVec2>& points, ImU32 color,
                          float thickness, float dash = 6.0f, float gap = 4.0f);

}  // namespace lv::app
