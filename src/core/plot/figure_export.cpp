#include "plot/figure_export.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cmath>
#include <string_view>

#include "common/errors.hpp"
#include "files/atomic_file.hpp"
#include "plot/cairo_canvas.hpp"
#include "plot/subplots.hpp"
#include "plot/svg_canvas.hpp"

namespace lv {

using namespace figure_style;

namespace {

constexpr double k_points_per_inch = 72.0;
constexpr double k_outer_margin = 8.0;    // page edge to panels
constexpr double k_panel_spacing = 14.0;  // between panels

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void check_cairo(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS) {
    throw InputError(std::string("cannot render the figure as ") + what + ": " +
                     cairo_status_to_string(status));
  }
}

void validate(const Figure& figure) {
  if (!(figure.width_inches > 0.0) || !(figure.height_inches > 0.0) ||
      figure.width_inches > 100.0 || figure.height_inches > 100.0) {
    throw InputError("the figure size must be between 0 and 100 inches on each side");
  }
  if (figure.columns.empty()) throw InputError("the figure has no panels");
}

void draw_panel(Canvas& canvas, const Rect& area, const Panel& panel,
                const std::vector<PlotRun>& runs) {
  if (const auto* landscape = std::get_if<LandscapePanel>(&panel)) {
    draw_landscape_panel(canvas, area, *landscape, runs);
  } else if (const auto* curves = std::get_if<CurvePanel>(&panel)) {
    draw_curve_panel(canvas, area, *curves, runs);
  } else {
    draw_box_panel(canvas, area, std::get<BoxPanel>(panel));
  }
}

}  // namespace

void draw_figure(const Figure& figure, Canvas& canvas) {
  validate(figure);
  const double width = figure.width_inches * k_points_per_inch;
  const double height = figure.height_inches * k_points_per_inch;
  canvas.fill_polygon({{0, 0}, {width, 0}, {width, height}, {0, height}}, k_white);
  double top = k_outer_margin;
  if (!figure.title.empty()) {
    canvas.text(
        {0.5 * width, top}, figure.title,
        TextStyle{k_title_size, k_text, true, HorizontalAlign::Center, VerticalAlign::Top, 0.0});
    top += k_title_size + 2 * k_gap;
  }
  double total_weight = 0.0;
  for (const FigureColumn& column : figure.columns) total_weight += column.width_weight;
  const double usable_width =
      width - 2 * k_outer_margin - k_panel_spacing * static_cast<double>(figure.columns.size() - 1);
  double x = k_outer_margin;
  for (const FigureColumn& column : figure.columns) {
    const double column_width = usable_width * column.width_weight / total_weight;
    const int rows = static_cast<int>(column.panels.size());
    const double row_height =
        (height - top - k_outer_margin - k_panel_spacing * (rows - 1)) / std::max(rows, 1);
    for (int row = 0; row < rows; ++row) {
      const Rect area{x, top + row * (row_height + k_panel_spacing), column_width, row_height};
      draw_panel(canvas, area, column.panels[row], figure.runs);
    }
    x += column_width + k_panel_spacing;
  }
}

std::string figure_svg(const Figure& figure) {
  SvgCanvas canvas(figure.width_inches * k_points_per_inch,
                   figure.height_inches * k_points_per_inch);
  draw_figure(figure, canvas);
  return canvas.document();
}

namespace {

// Draws the figure through a cairo context on `surface` (scaled from points), returning the
// context's status. On an exception the surface is destroyed too, so callers only clean up on the
// normal path.
cairo_status_t draw_on_surface(const Figure& figure, cairo_surface_t* surface, double scale_x,
                               double scale_y) {
  cairo_t* context = cairo_create(surface);
  cairo_scale(context, scale_x, scale_y);
  try {
    CairoCanvas canvas(context);
    draw_figure(figure, canvas);
  } catch (...) {
    cairo_destroy(context);
    cairo_surface_destroy(surface);
    throw;
  }
  const cairo_status_t status = cairo_status(context);
  cairo_destroy(context);
  return status;
}

}  // namespace

std::string figure_pdf(const Figure& figure) {
  validate(figure);
  std::string bytes;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      append_to_string, &bytes, figure.width_inches * k_points_per_inch,
      figure.height_inches * k_points_per_inch);
  const cairo_status_t status = draw_on_surface(figure, surface, 1.0, 1.0);
  cairo_surface_finish(surface);  // writes the document trailer into `bytes`
  const cairo_status_t surface_status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  check_cairo(status, "PDF");
  check_cairo(surface_status, "PDF");
  return bytes;
}

std::string figure_png(const Figure& figure, double dpi) {
  validate(figure);
  if (!(dpi >= 10.0 && dpi <= 2400.0)) throw InputError("the dpi must be between 10 and 2400");
  const int pixel_width = static_cast<int>(std::lround(figure.width_inches * dpi));
  const int pixel_height = static_cast<int>(std::lround(figure.height_inches * dpi));
  if (static_cast<double>(pixel_width) * pixel_height > 400e6) {
    throw InputError("the PNG would have more than 400 million pixels; lower the dpi or the size");
  }
  cairo_surface_t* surface =
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  const cairo_status_t status =
      draw_on_surface(figure, surface, pixel_width / (figure.width_inches * k_points_per_inch),
                      pixel_height / (figure.height_inches * k_points_per_inch));
  std::string bytes;
  const cairo_status_t written =
      status == CAIRO_STATUS_SUCCESS
          ? cairo_surface_write_to_png_stream(surface, append_to_string, &bytes)
          : status;
  cairo_surface_destroy(surface);
  check_cairo(written, "PNG");
  return bytes;
}

void save_figure(const Figure& figure, const std::string& path, double dpi) {
  std::string bytes;
  if (path.ends_with(".svg")) {
    bytes = figure_svg(figure);
  } else if (path.ends_with(".pdf")) {
    bytes = figure_pdf(figure);
  } else if (path.ends_with(".png")) {
    bytes = figure_png(figure, dpi);
  } else {
    throw InputError("cannot write '" + path + "': the figure format must be .svg, .pdf or .png");
  }
  write_file_atomically(path, bytes);
}

}  // namespace lv
