#include "plot/axes.hpp"

#include <algorithm>
#include <cmath>

#include "common/text.hpp"

namespace lv {

using namespace figure_style;

double AxisRange::unit(double value) const {
  if (log) return (std::log10(value) - std::log10(low)) / (std::log10(high) - std::log10(low));
  return (value - low) / (high - low);
}

Point Frame::map(double data_x, double data_y) const {
  return {box.x + x.unit(data_x) * box.width, box.bottom() - y.unit(data_y) * box.height};
}

Ticks axis_ticks(const AxisRange& range, double length) {
  if (range.log) return log_ticks(range.low, range.high);
  // About one tick per 60 points of axis, between 3 and 8 ticks.
  const int target = std::clamp(static_cast<int>(length / 60.0), 3, 8);
  return linear_ticks(range.low, range.high, target);
}

double widest_label(const Ticks& ticks, double size) {
  double widest = 0.0;
  for (const std::string& label : ticks.labels) widest = std::max(widest, text_width(label, size));
  return widest;
}

Margins axes_margins(const Ticks& y_ticks, const std::string& x_label, const std::string& y_label) {
  Margins margins;
  margins.left = k_tick_length + k_gap + widest_label(y_ticks, k_tick_size) + k_gap;
  if (!y_label.empty()) margins.left += k_label_size + k_gap;
  margins.bottom = k_tick_length + k_gap + k_tick_size + k_gap;
  if (!x_label.empty()) margins.bottom += k_label_size + k_gap;
  margins.top = 0.5 * k_tick_size;  // the top y tick label reaches above the frame
  margins.right = 8.0;              // room for half of the last x tick label
  return margins;
}

namespace {

void draw_minor_log_ticks(Canvas& canvas, const Frame& frame, bool x_axis) {
  const AxisRange& range = x_axis ? frame.x : frame.y;
  const Stroke stroke{k_frame, 0.6, {}};
  for (double decade = std::pow(10.0, std::floor(std::log10(range.low))); decade < range.high;
       decade *= 10.0) {
    for (int k = 2; k <= 9; ++k) {
      const double value = k * decade;
      if (value < range.low || value > range.high) continue;
      const double u = range.unit(value);
      if (x_axis) {
        const double x = frame.box.x + u * frame.box.width;
        canvas.polyline({{x, frame.box.bottom()}, {x, frame.box.bottom() + 0.6 * k_tick_length}},
                        false, stroke);
      } else {
        const double y = frame.box.bottom() - u * frame.box.height;
        canvas.polyline({{frame.box.x - 0.6 * k_tick_length, y}, {frame.box.x, y}}, false, stroke);
      }
    }
  }
}

}  // namespace

void draw_axes(Canvas& canvas, const Frame& frame, const Ticks& x_ticks, const Ticks& y_ticks,
               const std::string& x_label, const std::string& y_label) {
  const Rect& box = frame.box;
  const Stroke tick_stroke{k_frame, 0.8, {}};
  TextStyle tick_style{k_tick_size,        k_text, false, HorizontalAlign::Center,
                       VerticalAlign::Top, 0.0};
  for (size_t i = 0; i < x_ticks.values.size(); ++i) {
    const double x = box.x + frame.x.unit(x_ticks.values[i]) * box.width;
    canvas.polyline({{x, box.bottom()}, {x, box.bottom() + k_tick_length}}, false, tick_stroke);
    canvas.text({x, box.bottom() + k_tick_length + k_gap}, with_minus_sign(x_ticks.labels[i]),
                tick_style);
  }
  tick_style.horizontal = HorizontalAlign::Right;
  tick_style.vertical = VerticalAlign::Middle;
  for (size_t i = 0; i < y_ticks.values.size(); ++i) {
    const double y = box.bottom() - frame.y.unit(y_ticks.values[i]) * box.height;
    canvas.polyline({{box.x - k_tick_length, y}, {box.x, y}}, false, tick_stroke);
    canvas.text({box.x - k_tick_length - k_gap, y}, with_minus_sign(y_ticks.labels[i]), tick_style);
  }
  if (frame.x.log) draw_minor_log_ticks(canvas, frame, true);
  if (frame.y.log) draw_minor_log_ticks(canvas, frame, false);
  canvas.polyline(
      {{box.x, box.y}, {box.right(), box.y}, {box.right(), box.bottom()}, {box.x, box.bottom()}},
      true, Stroke{k_frame, 0.8, {}});

  const TextStyle label_style{k_label_size,       k_text, false, HorizontalAlign::Center,
                              VerticalAlign::Top, 0.0};
  if (!x_label.empty()) {
    canvas.text({box.x + 0.5 * box.width, box.bottom() + k_tick_length + 2 * k_gap + k_tick_size},
                x_label, label_style);
  }
  if (!y_label.empty()) {
    const double label_x =
        box.x - k_tick_length - 2 * k_gap - widest_label(y_ticks, k_tick_size) - k_label_size;
    TextStyle rotated = label_style;
    rotated.angle_degrees = 90.0;
    // Rotated 90° counter-clockwise, "Top" alignment puts the glyph tops to the left.
    canvas.text({label_x, box.y + 0.5 * box.height}, y_label, rotated);
  }
}

void draw_legend(Canvas& canvas, const Frame& frame, const std::vector<LegendEntry>& entries,
                 const std::vector<Point>& data_points) {
  if (entries.empty()) return;
  constexpr double padding = 5.0, swatch = 16.0, inset = 6.0;
  const double line_height = 1.45 * k_legend_size;
  double text_extent = 0.0;
  for (const LegendEntry& entry : entries)
    text_extent = std::max(text_extent, text_width(entry.label, k_legend_size));
  const double width = 2 * padding + swatch + k_gap + text_extent;
  const double height = 2 * padding + line_height * static_cast<double>(entries.size()) -
                        (line_height - k_legend_size);
  const Rect& box = frame.box;
  const Rect corners[4] = {
      {box.right() - inset - width, box.y + inset, width, height},
      {box.x + inset, box.y + inset, width, height},
      {box.right() - inset - width, box.bottom() - inset - height, width, height},
      {box.x + inset, box.bottom() - inset - height, width, height}};
  int best = 0;
  long best_hidden = -1;
  for (int c = 0; c < 4; ++c) {
    const long hidden = std::count_if(data_points.begin(), data_points.end(),
                                      [&](const Point& p) { return corners[c].contains(p); });
    if (best_hidden < 0 || hidden < best_hidden) {
      best = c;
      best_hidden = hidden;
    }
  }
  const Rect& r = corners[best];
  const std::vector<Point> outline = {
      {r.x, r.y}, {r.right(), r.y}, {r.right(), r.bottom()}, {r.x, r.bottom()}};
  canvas.fill_polygon(outline, Color{1.0, 1.0, 1.0, 0.85});
  canvas.polyline(outline, true, Stroke{Color{0.75, 0.75, 0.75, 1.0}, 0.6, {}});
  const TextStyle style{k_legend_size,         k_text, false, HorizontalAlign::Left,
                        VerticalAlign::Middle, 0.0};
  for (size_t i = 0; i < entries.size(); ++i) {
    const double y = r.y + padding + 0.5 * k_legend_size + line_height * static_cast<double>(i);
    canvas.polyline({{r.x + padding, y}, {r.x + padding + swatch, y}}, false,
                    Stroke{entries[i].color, 1.8, {}});
    canvas.circle({r.x + padding + 0.5 * swatch, y}, 2.2, entries[i].color,
                  Stroke{k_white, 0.6, {}});
    canvas.text({r.x + padding + swatch + k_gap, y}, entries[i].label, style);
  }
}

void draw_divergence_mark(Canvas& canvas, const Point& at, const Color& color) {
  constexpr double half = 4.0;
  const std::vector<Point> first = {{at[0] - half, at[1] - half}, {at[0] + half, at[1] + half}};
  const std::vector<Point> second = {{at[0] - half, at[1] + half}, {at[0] + half, at[1] - half}};
  for (const auto* stroke : {&first, &second})
    canvas.polyline(*stroke, false, Stroke{k_white, 3.6, {}});
  for (const auto* stroke : {&first, &second})
    canvas.polyline(*stroke, false, Stroke{color, 1.8, {}});
}

}  // namespace lv
