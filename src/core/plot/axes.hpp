// The pieces every panel shares: a data-to-page mapping for a rectangle (linear or log axes), the
// frame with ticks and labels, the legend (placed in the corner that hides the fewest data
// points) and run markers. Sizes follow matplotlib's defaults in points.
#pragma once

#include <string>
#include <vector>

#include "plot/canvas.hpp"
#include "plot/nice_ticks.hpp"

namespace lv {

namespace figure_style {
inline constexpr double k_title_size = 12.0;
inline constexpr double k_label_size = 10.0;
inline constexpr double k_tick_size = 8.5;
inline constexpr double k_legend_size = 8.0;
inline constexpr double k_tick_length = 3.5;
inline constexpr double k_gap = 3.5;  // between a tick and its label, a label and the next item
inline constexpr Color k_text{0.15, 0.15, 0.15, 1.0};
inline constexpr Color k_frame{0.2, 0.2, 0.2, 1.0};
inline constexpr Color k_white{1.0, 1.0, 1.0, 1.0};
inline constexpr Color k_diverged{0.84, 0.15, 0.16, 1.0};
}  // namespace figure_style

struct Rect {
  double x = 0.0, y = 0.0, width = 0.0, height = 0.0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
  bool contains(const Point& p) const {
    return p[0] >= x && p[0] <= right() && p[1] >= y && p[1] <= bottom();
  }
};

struct AxisRange {
  double low = 0.0, high = 1.0;
  bool log = false;
  // Position of v in [0, 1] along the axis (log axes: in log10 space).
  double unit(double value) const;
};

// A rectangle on the page showing [x.low, x.high] × [y.low, y.high] (y up).
struct Frame {
  Rect box;
  AxisRange x, y;
  Point map(double data_x, double data_y) const;
};

// Ticks for an axis range: nice linear ticks (about one per `spacing` points of `length`) or
// powers of ten on log axes.
Ticks axis_ticks(const AxisRange& range, double length);
// The widest tick label, for margins.
double widest_label(const Ticks& ticks, double size);

// Frame outline, outward ticks (minor ticks at 2..9·10^k on log axes), tick labels and axis
// labels. The caller reserved the margins with axes_margins().
void draw_axes(Canvas& canvas, const Frame& frame, const Ticks& x_ticks, const Ticks& y_ticks,
               const std::string& x_label, const std::string& y_label);

struct Margins {
  double left = 0.0, right = 0.0, top = 0.0, bottom = 0.0;
};
// The space draw_axes needs outside the frame for these tick labels and axis labels.
Margins axes_margins(const Ticks& y_ticks, const std::string& x_label, const std::string& y_label);

struct LegendEntry {
  std::string label;
  Color color;
};

// A legend box inside the frame, in the corner covering the fewest of `data_points`.
void draw_legend(Canvas& canvas, const Frame& frame, const std::vector<LegendEntry>& entries,
                 const std::vector<Point>& data_points);

// A cross marking where a run diverged.
void draw_divergence_mark(Canvas& canvas, const Point& at, const Color& color);

}  // namespace lv
