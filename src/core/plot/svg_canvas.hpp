// A Canvas that writes SVG 1.1 text directly: lines and polygons as <path>, text as <text> (so it
// stays selectable and editable), images as embedded PNG data.
#pragma once

#include <string>

#include "plot/canvas.hpp"

namespace lv {

class SvgCanvas final : public Canvas {
 public:
  SvgCanvas(double width_points, double height_points);

  void polyline(const std::vector<Point>& points, bool closed, const Stroke& stroke) override;
  void fill_polygon(const std::vector<Point>& points, const Color& fill) override;
  void circle(const Point& centre, double radius, const Color& fill, const Stroke& stroke) override;
  void text(const Point& anchor, const std::string& text, const TextStyle& style) override;
  void image(double x, double y, double width, double height, const RgbaImage& image) override;
  void push_clip(double x, double y, double width, double height) override;
  void pop_clip() override;
  void begin_group(const std::string& name) override;
  void end_group() override;

  // The finished document (closes any open clip groups).
  std::string document() const;

 private:
  std::string body_;
  std::string definitions_;
  int clip_count_ = 0;
  int open_groups_ = 0;  // clip groups and named groups still open
  double width_, height_;
};

// PNG bytes of an RGBA image (through cairo's PNG writer).
std::string encode_png(const RgbaImage& image);

}  // namespace lv
