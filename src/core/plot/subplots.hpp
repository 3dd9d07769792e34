// Drawing each subplot of a Figure (what figure.hpp calls a panel) into a rectangle of the page:
// the landscape (heatmap or filled bands, contour lines with optional labels, colorbar,
// trajectories with start/end markers), loss or gradient-norm curves, and box plots.
#pragma once

#include "plot/axes.hpp"
#include "plot/figure.hpp"

namespace lv {

void draw_landscape_panel(Canvas& canvas, const Rect& area, const LandscapePanel& panel,
                          const std::vector<PlotRun>& runs);
void draw_curve_panel(Canvas& canvas, const Rect& area, const CurvePanel& panel,
                      const std::vector<PlotRun>& runs);
void draw_box_panel(Canvas& canvas, const Rect& area, const BoxPanel& panel);

// Legend text for a run: its label, plus where it diverged.
std::string legend_label(const PlotRun& run);

}  // namespace lv
