// The description of a publication figure: panels laid out in columns (a landscape with
// contours, heatmap, colorbar and trajectories; loss or gradient-norm curves; box plots), a
// title and a size in inches. Plain data: the CLI and the GUI's Export panel fill it in, and
// draw_figure()/save_figure() (figure_export.hpp) turn it into SVG, PDF or PNG.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "grid/sampled_grid.hpp"
#include "plot/canvas.hpp"
#include "run/trajectory.hpp"

namespace lv {

// One optimizer run as the figure shows it.
struct PlotRun {
  std::string label;  // legend text, e.g. "sgd (lr=0.01, momentum=0.9)"
  Color color;
  std::vector<Point> path;            // (x, y) per recorded step, in data coordinates
  std::vector<double> loss;           // per recorded step
  std::vector<double> gradient_norm;  // per recorded step
  bool diverged = false;              // the run stopped at diverged_step: marked with a cross
  int diverged_step = -1;
};

struct LandscapePanel {
  SampledGrid grid;  // the surface, sampled on the plot rectangle
  std::string x_label = "x", y_label = "y", value_label = "f(x, y)";
  std::string colormap = "viridis";  // a name from colormaps() (default: viridis)
  int levels = 12;                   // contour lines (0: none) (default: 12)
  bool log_scale = false;            // colours and levels in log space (default: off)
  bool label_levels = false;         // print the level value on each contour (default: off)
  bool filled = false;               // flat colour bands between levels instead of a smooth
                                     // heatmap (default: off)
  bool step_dots = false;            // a dot at every recorded step (default: off)
  bool show_runs = true;             // draw the figure's runs as trajectories (default: on)
  bool legend = true;                // legend inside the axes (default: on)
  // Constraints, each sampled on `grid`'s rectangle (g for "g <= 0", h for "h = 0"): the
  // infeasible region shaded, every boundary g = 0 (or curve h = 0) drawn.
  struct ConstraintGrid {
    SampledGrid grid;
    bool equality = false;
  };
  std::vector<ConstraintGrid> constraints;
};

enum class CurveQuantity { Loss, GradientNorm };

struct CurvePanel {
  CurveQuantity quantity = CurveQuantity::Loss;
  bool log_y = true;   // log axis when every shown value is > 0 (default: on)
  bool legend = true;  // (default: on)
};

// One box per category: median, quartiles, whiskers at the extreme finite values, the points
// themselves; non-finite values (diverged runs) are counted above the box.
struct BoxSeries {
  std::string label;
  Color color;
  std::vector<double> values;
};

struct BoxPanel {
  std::string title;
  std::string y_label = "final loss";
  bool log_y = true;  // (default: on, when every finite value is > 0)
  std::vector<BoxSeries> series;
};

using Panel = std::variant<LandscapePanel, CurvePanel, BoxPanel>;

// Panels stacked top to bottom in one column; columns share the width by weight.
struct FigureColumn {
  double width_weight = 1.0;
  std::vector<Panel> panels;
};

struct Figure {
  std::string title;
  double width_inches = 6.4;  // (default: 6.4 x 4.8, matplotlib's default figure)
  double height_inches = 4.8;
  std::vector<FigureColumn> columns;
  std::vector<PlotRun> runs;  // shared by every landscape and curve panel
};

// The figure's view of a trajectory: the first two coordinates as the path, loss and gradient
// norm per step, and where it diverged.
PlotRun make_plot_run(const Trajectory& trajectory, std::string label, Color color);

// The colour cycle for runs: distinguishable, colour-blind-aware hues (our own picks in the
// spirit of Okabe & Ito, "Color Universal Design", 2008), readable on the colormaps.
Color run_color(int index);

}  // namespace lv
