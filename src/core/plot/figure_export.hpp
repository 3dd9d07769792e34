// Drawing a Figure onto a Canvas (layout: margins from measured text, nice ticks, legend placed
// where it hides the fewest points) and saving it as SVG, PDF or PNG.
#pragma once

#include <string>

#include "plot/canvas.hpp"
#include "plot/figure.hpp"

namespace lv {

// Draws the whole figure in points: (0, 0) to (72·width_inches, 72·height_inches).
// Throws InputError for an unknown colormap or an empty figure.
void draw_figure(const Figure& figure, Canvas& canvas);

// The figure as an SVG document (text as <text>).
std::string figure_svg(const Figure& figure);
// The figure as PDF bytes (vector; fonts embedded, text as text).
std::string figure_pdf(const Figure& figure);
// The figure as PNG bytes: round(width_inches·dpi) × round(height_inches·dpi) pixels.
std::string figure_png(const Figure& figure, double dpi);

// Writes the format the extension names (.svg, .pdf, .png) via a temporary file and rename, so
// an existing file survives any failure. Throws InputError naming the path for an unknown
// extension, a bad dpi or an unwritable location.
void save_figure(const Figure& figure, const std::string& path, double dpi = 150.0);

}  // namespace lv
