#include "plot/subplots.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <optional>

#include "common/errors.hpp"
#include "common/quantile.hpp"
#include "common/text.hpp"
#include "plot/colormap.hpp"
#include "plot/marching_squares.hpp"
#include "plot/value_scale.hpp"

namespace lv {

using namespace figure_style;

namespace {

// ============================================================================================
// Landscape
// ============================================================================================

constexpr double k_colorbar_gap = 10.0;
constexpr double k_colorbar_width = 11.0;
constexpr Color k_contour{1.0, 1.0, 1.0, 0.6};
constexpr Color k_undefined{0.85, 0.85, 0.85, 1.0};

// Bilinear interpolation of the grid at data point (x, y) (NaN where a corner is NaN).
double interpolate(const SampledGrid& grid, double x, double y) {
  const double u =
      std::clamp((x - grid.x_min) / (grid.x_max - grid.x_min) * (grid.nx - 1), 0.0, grid.nx - 1.0);
  const double v =
      std::clamp((y - grid.y_min) / (grid.y_max - grid.y_min) * (grid.ny - 1), 0.0, grid.ny - 1.0);
  const int i = std::min(static_cast<int>(u), grid.nx - 2);
  const int j = std::min(static_cast<int>(v), grid.ny - 2);
  const double s = u - i, t = v - j;
  return (1 - s) * (1 - t) * grid.at(i, j) + s * (1 - t) * grid.at(i + 1, j) +
         (1 - s) * t * grid.at(i, j + 1) + s * t * grid.at(i + 1, j + 1);
}

// The colour position of a value: continuous, or the middle of its band between levels.
struct ColorPosition {
  const ValueScale& scale;
  std::vector<double> level_positions;  // normalized levels, ascending; empty: continuous
  double operator()(double value) const {
    const double t = scale.normalized(value);
    if (level_positions.empty() || std::isnan(t)) return t;
    const auto upper = std::upper_bound(level_positions.begin(), level_positions.end(), t);
    const double band_low = upper == level_positions.begin() ? 0.0 : *(upper - 1);
    const double band_high = upper == level_positions.end() ? 1.0 : *upper;
    return 0.5 * (band_low + band_high);
  }
};

void put_pixel(RgbaImage& image, int column, int row, const Rgb& color) {
  uint8_t* p = &image.pixels[(static_cast<size_t>(row) * image.width + column) * 4];
  p[0] = static_cast<uint8_t>(std::lround(color.r * 255.0));
  p[1] = static_cast<uint8_t>(std::lround(color.g * 255.0));
  p[2] = static_cast<uint8_t>(std::lround(color.b * 255.0));
  p[3] = 255;
}

RgbaImage heatmap_image(const SampledGrid& grid, const Frame& frame, const Colormap& colormap,
                        const ColorPosition& position) {
  RgbaImage image;
  // About two image pixels per point: smooth at 144 dpi, and the renderer interpolates beyond.
  image.width = std::clamp(static_cast<int>(2.0 * frame.box.width), 64, 1000);
  image.height = std::clamp(static_cast<int>(2.0 * frame.box.height), 64, 1000);
  image.pixels.resize(static_cast<size_t>(image.width) * image.height * 4);
  for (int row = 0; row < image.height; ++row) {
    const double y = grid.y_max - (row + 0.5) / image.height * (grid.y_max - grid.y_min);
    for (int column = 0; column < image.width; ++column) {
      const double x = grid.x_min + (column + 0.5) / image.width * (grid.x_max - grid.x_min);
      const double value = interpolate(grid, x, y);
      put_pixel(image, column, row,
                std::isfinite(value) ? colormap.sample(position(value))
                                     : Rgb{k_undefined.r, k_undefined.g, k_undefined.b});
    }
  }
  return image;
}

// The infeasible part of the rectangle as a translucent dark overlay with diagonal hatching (an
// inequality g > 0 anywhere), at the heatmap's resolution.
RgbaImage infeasible_image(const LandscapePanel& panel, const Frame& frame) {
  RgbaImage image;
  image.width = std::clamp(static_cast<int>(2.0 * frame.box.width), 64, 1000);
  image.height = std::clamp(static_cast<int>(2.0 * frame.box.height), 64, 1000);
  image.pixels.assign(static_cast<size_t>(image.width) * image.height * 4, 0);
  const SampledGrid& grid = panel.grid;
  for (int row = 0; row < image.height; ++row) {
    const double y = grid.y_max - (row + 0.5) / image.height * (grid.y_max - grid.y_min);
    for (int column = 0; column < image.width; ++column) {
      const double x = grid.x_min + (column + 0.5) / image.width * (grid.x_max - grid.x_min);
      bool outside = false;
      for (const LandscapePanel::ConstraintGrid& constraint : panel.constraints) {
        if (!constraint.equality && interpolate(constraint.grid, x, y) > 0.0) outside = true;
      }
      if (!outside) continue;
      const bool stripe = ((row + column) / 8) % 2 == 0;  // 4-point diagonal hatching
      uint8_t* pixel = &image.pixels[(static_cast<size_t>(row) * image.width + column) * 4];
      pixel[0] = pixel[1] = pixel[2] = 10;
      pixel[3] = stripe ? 150 : 95;
    }
  }
  return image;
}

void draw_constraints(Canvas& canvas, const Frame& frame, const LandscapePanel& panel) {
  if (panel.constraints.empty()) return;
  canvas.image(frame.box.x, frame.box.y, frame.box.width, frame.box.height,
               infeasible_image(panel, frame));
  for (const LandscapePanel::ConstraintGrid& constraint : panel.constraints) {
    canvas.begin_group("constraint");
    for (const Polyline& line : contour_lines(constraint.grid, 0.0)) {
      std::vector<Point> points;
      for (const auto& p : line.points) points.push_back(frame.map(p[0], p[1]));
      canvas.polyline(points, line.closed, Stroke{{0.0, 0.0, 0.0, 0.6}, 3.2, {}});
      canvas.polyline(points, line.closed, Stroke{k_white, 1.6, {}});
    }
    canvas.end_group();
  }
}

// Three significant digits, without exponent notation between 1e-3 and 1e5 ("2000", "0.05").
std::string level_text(double level) {
  char buffer[32];
  const double magnitude = std::abs(level);
  if (magnitude != 0.0 && (magnitude < 1e-3 || magnitude >= 1e5)) {
    std::snprintf(buffer, sizeof buffer, "%.2g", level);
    return buffer;
  }
  const int decimals =
      magnitude == 0.0 ? 0 : std::max(0, 2 - static_cast<int>(std::floor(std::log10(magnitude))));
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, level);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

// Where on a line to put its label: inside the frame (away from its edges) and as far as
// possible from the labels already placed. Returns the index, or -1 when no point qualifies.
int label_position(const std::vector<Point>& line, const Rect& box,
                   const std::vector<Point>& placed) {
  constexpr double edge = 14.0;
  int best = -1;
  double best_distance = -1.0;
  for (size_t i = 1; i + 1 < line.size(); ++i) {
    const Point& p = line[i];
    if (p[0] < box.x + edge || p[0] > box.right() - edge || p[1] < box.y + edge ||
        p[1] > box.bottom() - edge)
      continue;
    double distance = 1e9;
    for (const Point& q : placed)
      distance = std::min(distance, std::hypot(p[0] - q[0], p[1] - q[1]));
    if (distance > best_distance + 1e-9) {
      best = static_cast<int>(i);
      best_distance = distance;
    }
  }
  return best;
}

// A label on the longest line of a level, at point `middle`, rotated along the line and kept
// upright, over a patch of the level's own colour so the line seems to break around the text.
void draw_level_label(Canvas& canvas, const std::vector<Point>& line, size_t middle,
                      const std::string& text, const Rgb& fill) {
  const Point& a = line[middle - 1];
  const Point& b = line[std::min(middle + 1, line.size() - 1)];
  double angle = -std::atan2(b[1] - a[1], b[0] - a[0]) * 180.0 / std::numbers::pi;
  if (angle > 90.0) angle -= 180.0;
  if (angle < -90.0) angle += 180.0;
  const double size = 0.9 * k_tick_size;
  const double half_width = 0.5 * text_width(text, size) + 1.5;
  const double half_height = 0.5 * size + 0.5;
  const double c = std::cos(angle * std::numbers::pi / 180.0),
               s = std::sin(angle * std::numbers::pi / 180.0);
  const Point& centre = line[middle];
  std::vector<Point> patch;
  for (const auto& [u, v] : {std::pair{-1.0, -1.0}, {1.0, -1.0}, {1.0, 1.0}, {-1.0, 1.0}}) {
    // Page y points down, so a counter-clockwise text angle turns (u, v) by (c, −s).
    patch.push_back({centre[0] + u * half_width * c + v * half_height * s,
                     centre[1] - u * half_width * s + v * half_height * c});
  }
  canvas.fill_polygon(patch, Color{fill.r, fill.g, fill.b, 1.0});
  const bool light = srgb_to_lab(fill)[0] > 60.0;
  canvas.text(centre, text,
              TextStyle{size, light ? k_text : k_white, false, HorizontalAlign::Center,
                        VerticalAlign::Middle, angle});
}

void draw_contours(Canvas& canvas, const Frame& frame, const LandscapePanel& panel,
                   const std::vector<double>& levels, const Colormap& colormap,
                   const ValueScale& scale) {
  canvas.begin_group("contours");
  std::vector<Point> placed;
  for (double level : levels) {
    std::vector<Point> longest;
    for (const Polyline& line : contour_lines(panel.grid, level)) {
      std::vector<Point> page;
      for (const auto& [x, y] : line.points) page.push_back(frame.map(x, y));
      canvas.polyline(page, line.closed, Stroke{k_contour, 0.6, {}});
      if (page.size() > longest.size()) longest = std::move(page);
    }
    if (!panel.label_levels || longest.size() < 12) continue;
    const int at = label_position(longest, frame.box, placed);
    if (at < 0) continue;
    placed.push_back(longest[at]);
    draw_level_label(canvas, longest, static_cast<size_t>(at), level_text(level),
                     colormap.sample(scale.normalized(level)));
  }
  canvas.end_group();
}

void draw_run_path(Canvas& canvas, const Frame& frame, const PlotRun& run, bool step_dots) {
  std::vector<Point> page;
  for (const Point& p : run.path) {
    if (std::isfinite(p[0]) && std::isfinite(p[1])) page.push_back(frame.map(p[0], p[1]));
  }
  if (page.empty()) return;
  canvas.begin_group("trajectory");
  canvas.polyline(page, false, Stroke{Color{1.0, 1.0, 1.0, 0.75}, 3.4, {}});
  canvas.polyline(page, false, Stroke{run.color, 1.6, {}});
  if (step_dots) {
    for (const Point& p : page) canvas.circle(p, 1.3, run.color, Stroke{k_white, 0.4, {}});
  }
  // Start: hollow circle; end: filled circle (a cross where the run diverged).
  canvas.circle(page.front(), 3.4, k_white, Stroke{run.color, 1.6, {}});
  if (run.diverged) {
    const Rect& box = frame.box;
    const Point at = {std::clamp(page.back()[0], box.x + 5.0, box.right() - 5.0),
                      std::clamp(page.back()[1], box.y + 5.0, box.bottom() - 5.0)};
    draw_divergence_mark(canvas, at, k_diverged);
  } else {
    canvas.circle(page.back(), 3.4, run.color, Stroke{k_white, 1.0, {}});
  }
  canvas.end_group();
}

void draw_colorbar(Canvas& canvas, const Rect& bar, const Colormap& colormap,
                   const ColorPosition& position, const ValueScale& scale,
                   const std::vector<double>& levels, const Ticks& ticks,
                   const std::string& label) {
  RgbaImage image{1, 256, std::vector<uint8_t>(256 * 4)};
  for (int row = 0; row < image.height; ++row) {
    const double t = 1.0 - (row + 0.5) / image.height;
    put_pixel(image, 0, row, colormap.sample(position(scale.value_at(t))));
  }
  canvas.image(bar.x, bar.y, bar.width, bar.height, image);
  for (double level : levels) {
    const double y = bar.bottom() - scale.normalized(level) * bar.height;
    canvas.polyline({{bar.x, y}, {bar.right(), y}}, false, Stroke{k_contour, 0.6, {}});
  }
  canvas.polyline(
      {{bar.x, bar.y}, {bar.right(), bar.y}, {bar.right(), bar.bottom()}, {bar.x, bar.bottom()}},
      true, Stroke{k_frame, 0.8, {}});
  const TextStyle style{k_tick_size,           k_text, false, HorizontalAlign::Left,
                        VerticalAlign::Middle, 0.0};
  for (size_t i = 0; i < ticks.values.size(); ++i) {
    const double y = bar.bottom() - scale.normalized(ticks.values[i]) * bar.height;
    canvas.polyline({{bar.right(), y}, {bar.right() + k_tick_length, y}}, false,
                    Stroke{k_frame, 0.8, {}});
    canvas.text({bar.right() + k_tick_length + k_gap, y}, with_minus_sign(ticks.labels[i]), style);
  }
  const double label_x = bar.right() + k_tick_length + 2 * k_gap + widest_label(ticks, k_tick_size);
  canvas.text(
      {label_x, bar.y + 0.5 * bar.height}, label,
      TextStyle{k_label_size, k_text, false, HorizontalAlign::Center, VerticalAlign::Top, 90.0});
}

// ============================================================================================
// Curves and boxes
// ============================================================================================

const std::vector<double>& curve_values(const PlotRun& run, CurveQuantity quantity) {
  return quantity == CurveQuantity::Loss ? run.loss : run.gradient_norm;
}

// An axis range covering the values: whole decades on log axes, 5% padding on linear ones.
AxisRange value_range(double low, double high, bool log) {
  if (log) {
    double low_decade = std::pow(10.0, std::floor(std::log10(low)));
    double high_decade = std::pow(10.0, std::ceil(std::log10(high)));
    if (high_decade <= low_decade) high_decade = 10.0 * low_decade;
    return {low_decade, high_decade, true};
  }
  const double pad = high > low ? 0.05 * (high - low) : std::max(1.0, std::abs(low)) * 0.5;
  return {low - pad, high + pad, false};
}

// A diverging run's values explode (10¹⁸ and beyond) and would flatten every other curve: the
// axis stops at 1000× (log) or 10× (linear) the largest starting value; the explosion leaves
// through the top of the frame and its cross sits at the frame's edge.
double divergence_ceiling(const std::vector<PlotRun>& runs, CurveQuantity quantity, bool log) {
  double largest_start = -std::numeric_limits<double>::infinity();
  for (const PlotRun& run : runs) {
    const std::vector<double>& values = curve_values(run, quantity);
    if (!values.empty() && std::isfinite(values.front()))
      largest_start = std::max(largest_start, values.front());
  }
  if (!(largest_start > 0.0)) return std::numeric_limits<double>::infinity();
  return largest_start * (log ? 1e3 : 10.0);
}

Rect inner_frame(const Rect& area, const Margins& margins) {
  return {area.x + margins.left, area.y + margins.top, area.width - margins.left - margins.right,
          area.height - margins.top - margins.bottom};
}

void require_room(const Rect& frame) {
  if (frame.width < 20.0 || frame.height < 20.0) {
    throw InputError("the figure is too small for its panels; give a larger --size");
  }
}

}  // namespace

std::string legend_label(const PlotRun& run) {
  if (!run.diverged) return run.label;
  return run.label + " \u2014 diverged at step " + std::to_string(run.diverged_step);
}

void draw_landscape_panel(Canvas& canvas, const Rect& area, const LandscapePanel& panel,
                          const std::vector<PlotRun>& runs) {
  const SampledGrid& grid = panel.grid;
  const auto [low, high] = grid.finite_range();
  if (std::isnan(low)) throw InputError("the surface has no finite value in the plot rectangle");
  const Colormap& colormap = find_colormap(panel.colormap);
  // A diverging map puts its neutral middle at zero when the surface has both signs.
  const bool centred = colormap.diverging && !panel.log_scale && low < 0.0 && high > 0.0;
  const ValueScale scale = panel.log_scale ? ValueScale::logarithmic(low, high)
                           : centred       ? ValueScale::symmetric(low, high)
                                           : ValueScale::linear(low, high);

  const std::vector<double> levels = scale.levels(std::max(panel.levels, 0));
  ColorPosition position{scale, {}};
  if (panel.filled) {
    for (double level : levels) position.level_positions.push_back(scale.normalized(level));
  }

  const Ticks bar_ticks = scale.ticks();
  Frame frame;
  frame.x = {grid.x_min, grid.x_max, false};
  frame.y = {grid.y_min, grid.y_max, false};
  // Ticks depend on the frame size, the frame on the tick labels' width: one estimate suffices.
  const Ticks y_ticks = axis_ticks(frame.y, area.height);
  Margins margins = axes_margins(y_ticks, panel.x_label, panel.y_label);
  margins.right = k_colorbar_gap + k_colorbar_width + k_tick_length + k_gap +
                  widest_label(bar_ticks, k_tick_size) + k_gap + k_label_size + 4.0;
  frame.box = inner_frame(area, margins);
  require_room(frame.box);
  const Ticks x_ticks = axis_ticks(frame.x, frame.box.width);

  const RgbaImage image = heatmap_image(grid, frame, colormap, position);
  canvas.image(frame.box.x, frame.box.y, frame.box.width, frame.box.height, image);
  canvas.push_clip(frame.box.x, frame.box.y, frame.box.width, frame.box.height);
  draw_contours(canvas, frame, panel, levels, colormap, scale);
  draw_constraints(canvas, frame, panel);
  std::vector<Point> data_points;
  if (panel.show_runs) {
    for (const PlotRun& run : runs) {
      draw_run_path(canvas, frame, run, panel.step_dots);
      for (const Point& p : run.path) data_points.push_back(frame.map(p[0], p[1]));
    }
  }
  canvas.pop_clip();
  draw_axes(canvas, frame, x_ticks, y_ticks, panel.x_label, panel.y_label);
  const Rect bar{frame.box.right() + k_colorbar_gap, frame.box.y, k_colorbar_width,
                 frame.box.height};
  draw_colorbar(canvas, bar, colormap, position, scale, levels, bar_ticks, panel.value_label);
  if (panel.legend && panel.show_runs) {
    std::vector<LegendEntry> entries;
    for (const PlotRun& run : runs) entries.push_back({legend_label(run), run.color});
    draw_legend(canvas, frame, entries, data_points);
  }
}

void draw_curve_panel(Canvas& canvas, const Rect& area, const CurvePanel& panel,
                      const std::vector<PlotRun>& runs) {
  double low = std::numeric_limits<double>::infinity(), high = -low;
  double last_step = 1.0;
  for (const PlotRun& run : runs) {
    const std::vector<double>& values = curve_values(run, panel.quantity);
    last_step = std::max(last_step, static_cast<double>(values.size()) - 1.0);
    for (double value : values) {
      if (!std::isfinite(value)) continue;
      low = std::min(low, value);
      high = std::max(high, value);
    }
  }
  if (low > high) low = 0.0, high = 1.0;
  std::string y_label =
      panel.quantity == CurveQuantity::Loss ? "loss" : "gradient norm \u2016\u2207f\u2016";
  // A log axis cannot show values ≤ 0; they are never dropped silently. A loss that goes
  // negative is plotted as loss − min (the lowest value reached, named in the label); a zero
  // loss or gradient norm cannot be shown even so, and the label says that.
  double offset = 0.0;
  if (panel.log_y && low <= 0.0) {
    if (panel.quantity == CurveQuantity::Loss && low < 0.0) {
      offset = low;
      y_label = "loss \u2212 min  (min = " + with_minus_sign(format_general(low)) + ")";
    } else {
      y_label += "  (zeros not shown)";
    }
    double positive_low = std::numeric_limits<double>::infinity();
    for (const PlotRun& run : runs) {
      for (double value : curve_values(run, panel.quantity)) {
        if (std::isfinite(value) && value - offset > 0.0) {
          positive_low = std::min(positive_low, value - offset);
        }
      }
    }
    low = positive_low;
    high -= offset;
  }
  const bool log = panel.log_y && low > 0.0 && std::isfinite(low);
  if (panel.log_y && !log) {  // nothing positive at all: a linear axis, and the label says so
    offset = 0.0;
    low = std::isfinite(low) ? low : 0.0;
    y_label += "  (linear: no value > 0)";
  }
  high = std::min(high, divergence_ceiling(runs, panel.quantity, log) - offset);
  Frame frame;
  frame.x = {0.0, last_step, false};
  frame.y = value_range(low, high, log);
  const Ticks y_ticks = axis_ticks(frame.y, area.height);
  frame.box = inner_frame(area, axes_margins(y_ticks, "step", y_label));
  require_room(frame.box);
  const Ticks x_ticks = axis_ticks(frame.x, frame.box.width);

  canvas.push_clip(frame.box.x, frame.box.y, frame.box.width, frame.box.height);
  std::vector<Point> data_points;
  for (const PlotRun& run : runs) {
    const std::vector<double>& values = curve_values(run, panel.quantity);
    canvas.begin_group("curve");
    std::vector<Point> piece;
    std::optional<Point> last_point;
    auto flush = [&] {
      canvas.polyline(piece, false, Stroke{run.color, 1.5, {}});
      piece.clear();
    };
    for (size_t step = 0; step < values.size(); ++step) {
      const double shown = values[step] - offset;
      if (!std::isfinite(shown) || (log && shown <= 0.0)) {
        flush();
        continue;
      }
      piece.push_back(frame.map(static_cast<double>(step), shown));
      data_points.push_back(piece.back());
      last_point = piece.back();
    }
    flush();
    if (run.diverged && last_point) {
      const Rect& box = frame.box;
      draw_divergence_mark(canvas,
                           {std::clamp((*last_point)[0], box.x + 5.0, box.right() - 5.0),
                            std::clamp((*last_point)[1], box.y + 5.0, box.bottom() - 5.0)},
                           k_diverged);
    }
    canvas.end_group();
  }
  canvas.pop_clip();
  draw_axes(canvas, frame, x_ticks, y_ticks, "step", y_label);
  if (panel.legend) {
    std::vector<LegendEntry> entries;
    for (const PlotRun& run : runs) entries.push_back({legend_label(run), run.color});
    draw_legend(canvas, frame, entries, data_points);
  }
}

void draw_box_panel(Canvas& canvas, const Rect& area, const BoxPanel& panel) {
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (const BoxSeries& series : panel.series) {
    for (double value : series.values) {
      if (!std::isfinite(value)) continue;
      low = std::min(low, value);
      high = std::max(high, value);
    }
  }
  if (low > high) low = 0.0, high = 1.0;
  const bool log = panel.log_y && low > 0.0;
  const int count = std::max<int>(1, static_cast<int>(panel.series.size()));
  Frame frame;
  frame.x = {0.5, count + 0.5, false};
  frame.y = value_range(low, high, log);
  const Ticks y_ticks = axis_ticks(frame.y, area.height);
  Margins margins = axes_margins(y_ticks, "", panel.y_label);
  if (!panel.title.empty()) margins.top += k_label_size + 2 * k_gap;
  // Category labels: horizontal when they fit their slot, otherwise rotated 30°.
  double widest = 0.0;
  for (const BoxSeries& series : panel.series)
    widest = std::max(widest, text_width(series.label, k_tick_size));
  const double slot = (area.width - margins.left - margins.right) / count;
  const bool rotate = widest > slot - 4.0;
  if (rotate) margins.bottom += widest * 0.5 + k_tick_size * 0.3;
  frame.box = inner_frame(area, margins);
  require_room(frame.box);

  canvas.push_clip(frame.box.x, frame.box.y, frame.box.width, frame.box.height);
  for (int k = 0; k < static_cast<int>(panel.series.size()); ++k) {
    const BoxSeries& series = panel.series[k];
    std::vector<double> finite;
    for (double value : series.values) {
      if (std::isfinite(value) && (!log || value > 0.0)) finite.push_back(value);
    }
    std::sort(finite.begin(), finite.end());
    const double centre = k + 1.0;
    canvas.begin_group("box");
    const int failed = static_cast<int>(series.values.size() - finite.size());
    if (failed > 0) {
      canvas.text({frame.map(centre, frame.y.low)[0], frame.box.y + 4.0},
                  std::to_string(failed) + " diverged",
                  TextStyle{k_legend_size, k_diverged, false, HorizontalAlign::Center,
                            VerticalAlign::Top, 0.0});
    }
    if (finite.empty()) {
      canvas.end_group();
      continue;
    }
    const double q1 = quantile_sorted(finite, 0.25), median = quantile_sorted(finite, 0.5);
    const double q3 = quantile_sorted(finite, 0.75);
    const double half = 0.22;
    const Point a = frame.map(centre - half, q1), b = frame.map(centre + half, q3);
    const std::vector<Point> box = {{a[0], a[1]}, {b[0], a[1]}, {b[0], b[1]}, {a[0], b[1]}};
    canvas.fill_polygon(box, Color{series.color.r, series.color.g, series.color.b, 0.3});
    const Stroke outline{series.color, 1.2, {}};
    canvas.polyline({frame.map(centre, finite.front()), frame.map(centre, q1)}, false, outline);
    canvas.polyline({frame.map(centre, q3), frame.map(centre, finite.back())}, false, outline);
    for (double end : {finite.front(), finite.back()}) {
      canvas.polyline({frame.map(centre - 0.5 * half, end), frame.map(centre + 0.5 * half, end)},
                      false, outline);
    }
    canvas.polyline(box, true, outline);
    canvas.polyline({frame.map(centre - half, median), frame.map(centre + half, median)}, false,
                    Stroke{k_frame, 1.8, {}});
    // The runs themselves, spread sideways by a low-discrepancy sequence (golden ratio).
    for (size_t i = 0; i < finite.size(); ++i) {
      const double jitter =
          (std::fmod(0.618033988749895 * static_cast<double>(i + 1), 1.0) - 0.5) * 1.2 * half;
      canvas.circle(frame.map(centre + jitter, finite[i]), 1.6,
                    Color{series.color.r, series.color.g, series.color.b, 0.75},
                    Stroke{k_white, 0.3, {}});
    }
    canvas.end_group();
  }
  canvas.pop_clip();

  Ticks x_ticks;
  for (int k = 0; k < static_cast<int>(panel.series.size()); ++k) x_ticks.values.push_back(k + 1.0);
  draw_axes(canvas, frame, Ticks{x_ticks.values, std::vector<std::string>(x_ticks.values.size())},
            y_ticks, "", panel.y_label);
  for (int k = 0; k < static_cast<int>(panel.series.size()); ++k) {
    const double x = frame.map(k + 1.0, frame.y.low)[0];
    const double y = frame.box.bottom() + k_tick_length + k_gap;
    const TextStyle style =
        rotate ? TextStyle{k_tick_size,        k_text, false, HorizontalAlign::Right,
                           VerticalAlign::Top, 30.0}
               : TextStyle{k_tick_size,        k_text, false, HorizontalAlign::Center,
                           VerticalAlign::Top, 0.0};
    canvas.text({x, y}, panel.series[k].label, style);
  }
  if (!panel.title.empty()) {
    canvas.text(
        {frame.box.x + 0.5 * frame.box.width, area.y + k_gap}, panel.title,
        TextStyle{k_label_size, k_text, true, HorizontalAlign::Center, VerticalAlign::Top, 0.0});
  }
}

}  // namespace lv
