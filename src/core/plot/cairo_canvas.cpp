#include "plot/cairo_canvas.hpp"

#include <cairo.h>

#include <cmath>
#include <numbers>

namespace lv {

cairo_surface_t* image_surface(const RgbaImage& image) {
  cairo_surface_t* surface =
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height);
  cairo_surface_flush(surface);
  unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int row = 0; row < image.height; ++row) {
    auto* out = reinterpret_cast<uint32_t*>(data + static_cast<size_t>(row) * stride);
    for (int column = 0; column < image.width; ++column) {
      const uint8_t* p = &image.pixels[(static_cast<size_t>(row) * image.width + column) * 4];
      // Native-endian 32-bit words, premultiplied alpha (cairo's ARGB32 layout).
      const uint32_t alpha = p[3];
      auto premultiply = [alpha](uint8_t c) { return (c * alpha + 127) / 255; };
      out[column] =
          (alpha << 24) | (premultiply(p[0]) << 16) | (premultiply(p[1]) << 8) | premultiply(p[2]);
    }
  }
  cairo_surface_mark_dirty(surface);
  return surface;
}

void CairoCanvas::set_color(const Color& color) {
  cairo_set_source_rgba(context_, color.r, color.g, color.b, color.a);
}

void CairoCanvas::apply_stroke(const Stroke& stroke) {
  set_color(stroke.color);
  cairo_set_line_width(context_, stroke.width);
  cairo_set_line_join(context_, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(context_, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash(context_, stroke.dash.data(), static_cast<int>(stroke.dash.size()), 0.0);
}

void CairoCanvas::trace(const std::vector<Point>& points, bool closed) {
  cairo_new_path(context_);
  for (const Point& point : points) cairo_line_to(context_, point[0], point[1]);
  if (closed) cairo_close_path(context_);
}

void CairoCanvas::polyline(const std::vector<Point>& points, bool closed, const Stroke& stroke) {
  if (points.size() < 2) return;
  trace(points, closed);
  apply_stroke(stroke);
  cairo_stroke(context_);
}

void CairoCanvas::fill_polygon(const std::vector<Point>& points, const Color& fill) {
  if (points.size() < 3) return;
  trace(points, true);
  set_color(fill);
  cairo_fill(context_);
}

void CairoCanvas::circle(const Point& centre, double radius, const Color& fill,
                         const Stroke& stroke) {
  cairo_new_path(context_);
  cairo_arc(context_, centre[0], centre[1], radius, 0.0, 2.0 * std::numbers::pi);
  if (fill.a > 0.0) {
    set_color(fill);
    cairo_fill_preserve(context_);
  }
  if (stroke.width > 0.0) {
    apply_stroke(stroke);
    cairo_stroke(context_);
  }
  cairo_new_path(context_);
}

void CairoCanvas::text(const Point& anchor, const std::string& text, const TextStyle& style) {
  cairo_save(context_);
  cairo_select_font_face(context_, k_figure_font, CAIRO_FONT_SLANT_NORMAL,
                         style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(context_, style.size);
  cairo_translate(context_, anchor[0], anchor[1]);
  cairo_rotate(context_, -style.angle_degrees * std::numbers::pi / 180.0);
  const double width = text_width(text, style.size, style.bold);
  cairo_move_to(context_, start_offset(style.horizontal, width),
                baseline_offset(style.vertical, style.size));
  set_color(style.color);
  cairo_show_text(context_, text.c_str());
  cairo_restore(context_);
}

void CairoCanvas::image(double x, double y, double width, double height, const RgbaImage& image) {
  if (image.width <= 0 || image.height <= 0) return;
  cairo_surface_t* surface = image_surface(image);
  cairo_save(context_);
  cairo_rectangle(context_, x, y, width, height);
  cairo_clip(context_);
  cairo_translate(context_, x, y);
  cairo_scale(context_, width / image.width, height / image.height);
  cairo_set_source_surface(context_, surface, 0.0, 0.0);
  cairo_pattern_set_filter(cairo_get_source(context_), CAIRO_FILTER_BILINEAR);
  cairo_pattern_set_extend(cairo_get_source(context_), CAIRO_EXTEND_PAD);
  cairo_paint(context_);
  cairo_restore(context_);
  cairo_surface_destroy(surface);
}

void CairoCanvas::push_clip(double x, double y, double width, double height) {
  cairo_save(context_);
  cairo_rectangle(context_, x, y, width, height);
  cairo_clip(context_);
}

void CairoCanvas::pop_clip() {
  cairo_restore(context_);
}

}  // namespace lv
