#include "plot/canvas.hpp"

#include <cairo.h>

#include <memory>

namespace lv {

namespace {

// DejaVu Sans proportions (units per em 2048): cap height 1493, descender 483.
constexpr double k_cap_height = 1493.0 / 2048.0;
constexpr double k_descent = 483.0 / 2048.0;

struct CairoDeleter {
  void operator()(cairo_t* context) const { cairo_destroy(context); }
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};

}  // namespace

double text_width(const std::string& text, double size, bool bold) {
  // A 1×1 scratch surface per thread: cairo's text metrics depend only on the font and size.
  thread_local std::unique_ptr<cairo_surface_t, CairoDeleter> surface(
      cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1));
  thread_local std::unique_ptr<cairo_t, CairoDeleter> context(cairo_create(surface.get()));
  cairo_select_font_face(context.get(), k_figure_font, CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(context.get(), size);
  cairo_text_extents_t extents;
  cairo_text_extents(context.get(), text.c_str(), &extents);
  return extents.x_advance;
}

double baseline_offset(VerticalAlign vertical, double size) {
  switch (vertical) {
    case VerticalAlign::Top:
      return k_cap_height * size;
    case VerticalAlign::Middle:
      return 0.5 * k_cap_height * size;
    case VerticalAlign::Bottom:
      return -k_descent * size;
    case VerticalAlign::Baseline:
      break;
  }
  return 0.0;
}

double start_offset(HorizontalAlign horizontal, double width) {
  switch (horizontal) {
    case HorizontalAlign::Center:
      return -0.5 * width;
    case HorizontalAlign::Right:
      return -width;
    case HorizontalAlign::Left:
      break;
  }
  return 0.0;
}

}  // namespace lv

// LeakSanitizer reads this hook from any program linking it. Fontconfig, through cairo's font
// cache, leaks a few patterns per process even in a minimal cairo program that selects a font and
// destroys everything (checked with cairo 1.16 / fontconfig 2.14 on Debian 12); our own
// allocations stay checked.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}
