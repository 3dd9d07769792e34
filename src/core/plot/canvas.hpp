// lv::Canvas: the drawing primitives a figure needs (lines, polygons, markers, text, images,
// clipping), in points (1/72 inch) with the origin at the top left and y down. Two backends:
// SvgCanvas writes SVG by hand (so text stays <text>), CairoCanvas draws PNG and PDF through
// cairo. Figures draw only through this interface, so layout code never sees a file format.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace lv {

struct Color {
  double r = 0.0, g = 0.0, b = 0.0, a = 1.0;
};

using Point = std::array<double, 2>;

struct Stroke {
  Color color;
  double width = 1.0;        // points
  std::vector<double> dash;  // on/off lengths in points; empty: solid
};

enum class HorizontalAlign { Left, Center, Right };
enum class VerticalAlign { Top, Middle, Baseline, Bottom };

struct TextStyle {
  double size = 10.0;  // points
  Color color;
  bool bold = false;
  HorizontalAlign horizontal = HorizontalAlign::Left;
  VerticalAlign vertical = VerticalAlign::Baseline;
  double angle_degrees = 0.0;  // counter-clockwise rotation about the anchor
};

// Straight (unpremultiplied) RGBA, row-major from the top row.
struct RgbaImage {
  int width = 0, height = 0;
  std::vector<uint8_t> pixels;  // width*height*4
};

class Canvas {
 public:
  virtual ~Canvas() = default;

  virtual void polyline(const std::vector<Point>& points, bool closed, const Stroke& stroke) = 0;
  virtual void fill_polygon(const std::vector<Point>& points, const Color& fill) = 0;
  // A circle filled with `fill` (alpha 0: none) and outlined by `stroke` (width 0: none).
  virtual void circle(const Point& centre, double radius, const Color& fill,
                      const Stroke& stroke) = 0;
  virtual void text(const Point& anchor, const std::string& text, const TextStyle& style) = 0;
  // Draws `image` stretched over the rectangle (smoothly interpolated).
  virtual void image(double x, double y, double width, double height, const RgbaImage& image) = 0;
  virtual void push_clip(double x, double y, double width, double height) = 0;
  virtual void pop_clip() = 0;
  // Marks what is drawn until end_group() as one named element ("trajectory", "contours", ...):
  // an SVG <g class="..."> that editors show as a layer; no effect on raster output.
  virtual void begin_group(const std::string& name) { (void)name; }
  virtual void end_group() {}
};

// Text metrics of the figure font (DejaVu Sans), identical for every backend so a layout made
// for SVG is the layout of the PNG and PDF. Width of `text` in points at `size`.
double text_width(const std::string& text, double size, bool bold = false);
// Offset from the anchor's y to the baseline for a vertical alignment (cap-height based).
double baseline_offset(VerticalAlign vertical, double size);
// Offset from the anchor's x to the text start for a horizontal alignment.
double start_offset(HorizontalAlign horizontal, double width);

// The font family name used by both backends.
inline constexpr const char* k_figure_font = "DejaVu Sans";

}  // namespace lv
