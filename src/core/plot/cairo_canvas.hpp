// A Canvas over a cairo context: renders figures to PNG (image surface scaled by dpi/72) and PDF
// (vector, with the font embedded so text stays text).
#pragma once

#include "plot/canvas.hpp"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

namespace lv {

class CairoCanvas final : public Canvas {
 public:
  explicit CairoCanvas(cairo_t* context) : context_(context) {}

  void polyline(const std::vector<Point>& points, bool closed, const Stroke& stroke) override;
  void fill_polygon(const std::vector<Point>& points, const Color& fill) override;
  void circle(const Point& centre, double radius, const Color& fill, const Stroke& stroke) override;
  void text(const Point& anchor, const std::string& text, const TextStyle& style) override;
  void image(double x, double y, double width, double height, const RgbaImage& image) override;
  void push_clip(double x, double y, double width, double height) override;
  void pop_clip() override;

 private:
  void set_color(const Color& color);
  void apply_stroke(const Stroke& stroke);
  void trace(const std::vector<Point>& points, bool closed);

  cairo_t* context_;
};

// A new cairo ARGB32 surface holding `image` (premultiplied, as cairo stores pixels); the caller
// destroys it.
cairo_surface_t* image_surface(const RgbaImage& image);

}  // namespace lv
