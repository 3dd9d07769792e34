// lossviz-cli plot: publication figures (SVG, PDF, PNG) of optimizer trajectories over a test
// surface or formula, or over a network loss surface read from an HDF5 file.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "cli/commands.hpp"
#include "cli/run_setup.hpp"
#include "cli/selection.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"
#include "constraints/constrained_objective.hpp"
#include "constraints/kkt.hpp"
#include "files/atomic_file.hpp"
#include "io/surface_h5_reader.hpp"
#include "io/trajectory_csv_reader.hpp"
#include "optim/run_label.hpp"
#include "plot/colormap.hpp"
#include "plot/figure_export.hpp"
#include "plot/value_scale.hpp"

namespace lv::cli {

namespace {

constexpr int k_default_resolution = 240;  // surface samples per side

std::vector<FlagSpec> plot_flags() {
  std::vector<FlagSpec> specs = selection_flags();
  for (FlagSpec& spec : run_setup_flags()) specs.push_back(std::move(spec));
  for (const char* name : {"out", "dpi", "size", "levels", "colormap", "title", "kind", "xrange",
                           "yrange", "resolution", "surface"}) {
    specs.push_back({name});
  }
  for (const char* name :
       {"log-levels", "linear-levels", "combined", "filled", "label-levels", "step-dots"}) {
    specs.push_back({name, false});
  }
  specs.push_back({"trajectory", true, true});
  specs.push_back({"constraint", true, true});
  return specs;
}

// "LOW:HIGH" with LOW < HIGH.
std::optional<std::pair<double, double>> range_flag(const Arguments& arguments,
                                                    const std::string& name) {
  const auto text = arguments.value(name);
  if (!text) return std::nullopt;
  const size_t colon = text->find(':');
  const auto low = colon == std::string::npos ? std::nullopt : parse_double(text->substr(0, colon));
  const auto high =
      colon == std::string::npos ? std::nullopt : parse_double(text->substr(colon + 1));
  if (!low || !high || !std::isfinite(*low) || !std::isfinite(*high) || !(*high > *low)) {
    throw InputError("--" + name + ": expected LOW:HIGH with LOW < HIGH, got '" + *text + "'");
  }
  return std::pair{*low, *high};
}

// --size WxH in inches.
void apply_size(const Arguments& arguments, Figure& figure) {
  const auto text = arguments.value("size");
  if (!text) return;
  const size_t x = text->find_first_of("xX");
  const Vec size = x == std::string::npos
                       ? Vec()
                       : parse_point(text->substr(0, x) + "," + text->substr(x + 1), "size");
  if (size.size() != 2 ||
      !(size[0] >= 1.0 && size[1] >= 1.0 && size[0] <= 100.0 && size[1] <= 100.0)) {
    throw InputError(
        "--size: expected WxH in inches, each between 1 and 100 (e.g. 6.4x4.8), got '" + *text +
        "'");
  }
  figure.width_inches = size[0];
  figure.height_inches = size[1];
}

LandscapePanel landscape_options(const Arguments& arguments) {
  LandscapePanel panel;
  if (const auto levels = arguments.integer("levels")) {
    if (*levels < 0 || *levels > 200) throw InputError("--levels must be between 0 and 200");
    panel.levels = *levels;
  }
  if (const auto name = arguments.value("colormap")) panel.colormap = find_colormap(*name).name;
  if (arguments.has("log-levels") && arguments.has("linear-levels"))
    throw InputError("--log-levels and --linear-levels: choose one");
  panel.log_scale = arguments.has("log-levels");
  panel.filled = arguments.has("filled");
  panel.label_levels = arguments.has("label-levels");
  panel.step_dots = arguments.has("step-dots");
  return panel;
}

int resolution_flag(const Arguments& arguments) {
  const int resolution = arguments.integer("resolution").value_or(k_default_resolution);
  if (resolution < 8 || resolution > 4000)
    throw InputError("--resolution must be between 8 and 4000");
  return resolution;
}

// The plot rectangle: --xrange/--yrange, else the function's view box ([-2, 2]² for --expr),
// grown to contain the start point.
ViewBox view_box(const Arguments& arguments, const Selection& selection, const Vec& start) {
  ViewBox view = selection.function ? selection.function->view : ViewBox{};
  const auto x_range = range_flag(arguments, "xrange");
  const auto y_range = range_flag(arguments, "yrange");
  if (x_range) std::tie(view.x_min, view.x_max) = *x_range;
  if (y_range) std::tie(view.y_min, view.y_max) = *y_range;
  // A start point outside the view widens it to the start plus a margin of 8% of the range.
  auto include = [](double value, double& low, double& high) {
    const double margin = 0.08 * (high - low);
    if (value < low) low = value - margin;
    if (value > high) high = value + margin;
  };
  if (!x_range) include(start[0], view.x_min, view.x_max);
  if (!y_range) include(start[1], view.y_min, view.y_max);
  return view;
}

// Runs every --optimizer on the selected surface; fills the landscape and the runs.
void formula_figure(const Arguments& arguments, LandscapePanel& landscape, Figure& figure) {
  const Selection selection = select_objective(arguments);
  std::vector<RaceEntry> entries = optimizers_from_flags(arguments);
  const RunSettings settings = settings_from_flags(arguments);
  const Vec start = start_from_flags(arguments, selection);
  // Constraints as `run` takes them: constrained methods see them, the figure draws the set.
  ConstraintSet constraints;
  const std::vector<Trajectory> trajectories =
      race_from_flags(arguments, selection, entries, start, settings, constraints);
  for (size_t i = 0; i < entries.size(); ++i) {
    figure.runs.push_back(make_plot_run(trajectories[i], run_label(*entries[i].optimizer),
                                        run_color(static_cast<int>(i))));
  }
  const ViewBox view = view_box(arguments, selection, start);
  const int resolution = resolution_flag(arguments);
  landscape.grid = sample_formula(selection.objective.expr(), view.x_min, view.x_max, view.y_min,
                                  view.y_max, resolution, resolution);
  for (const Constraint& constraint : constraints.constraints()) {
    landscape.constraints.push_back({sample_formula(constraint.function, view.x_min, view.x_max,
                                                    view.y_min, view.y_max, resolution, resolution),
                                     constraint.kind == ConstraintKind::Equality});
  }
  if (figure.title.empty())
    figure.title = selection.function ? selection.function->title : selection.label;
}

// A network surface from an HDF5 file, with trajectories from CSV files.
void surface_figure(const Arguments& arguments, LandscapePanel& landscape, Figure& figure) {
  for (const char* name : {"function", "expr", "optimizer", "schedule", "start", "constraint"}) {
    if (arguments.has(name))
      throw InputError(std::string("--") + name + " cannot be combined with --surface");
  }
  const std::string path = *arguments.value("surface");
  landscape.grid = read_surface_h5(path);
  landscape.x_label = "direction 1";
  landscape.y_label = "direction 2";
  landscape.value_label = "train loss";
  int index = 0;
  for (const std::string& csv : arguments.values("trajectory")) {
    const Trajectory trajectory = parse_trajectory_csv(read_file(csv), csv);
    // The legend names each trajectory by its file name without folder and extension.
    const std::string label = std::filesystem::path(csv).stem().string();
    figure.runs.push_back(make_plot_run(trajectory, label, run_color(index++)));
  }
  if (figure.title.empty()) figure.title = "Loss landscape";
}

std::string figure_kind(const Arguments& arguments) {
  const std::string kind =
      arguments.has("combined") ? "combined" : arguments.value("kind").value_or("landscape");
  if (kind != "landscape" && kind != "loss" && kind != "grad-norm" && kind != "combined") {
    throw InputError("--kind: expected landscape, loss, grad-norm or combined, got '" + kind + "'");
  }
  return kind;
}

void arrange(const std::string& kind, LandscapePanel landscape, Figure& figure) {
  if (kind == "landscape") {
    figure.columns = {{1.0, {std::move(landscape)}}};
  } else if (kind == "loss") {
    figure.columns = {{1.0, {CurvePanel{CurveQuantity::Loss}}}};
  } else if (kind == "grad-norm") {
    figure.columns = {{1.0, {CurvePanel{CurveQuantity::GradientNorm}}}};
  } else {
    // Landscape on the left (its legend names the runs), loss over gradient norm on the right.
    figure.columns = {{1.25, {std::move(landscape)}},
                      {1.0,
                       {CurvePanel{CurveQuantity::Loss, true, false},
                        CurvePanel{CurveQuantity::GradientNorm, true, false}}}};
  }
}

}  // namespace

int plot_command(const Args& args) {
  const Arguments arguments(args, plot_flags());
  const auto out = arguments.value("out");
  if (!out) throw InputError("missing --out FIG.png|svg|pdf");
  if (!out->ends_with(".png") && !out->ends_with(".svg") && !out->ends_with(".pdf")) {
    throw InputError("--out: expected a .png, .svg or .pdf file, got '" + *out + "'");
  }
  const double dpi = arguments.number("dpi").value_or(150.0);
  if (!(dpi >= 10.0 && dpi <= 2400.0)) throw InputError("--dpi must be between 10 and 2400");
  check_output_file(*out, "--out");
  if (arguments.has("trajectory") && !arguments.has("surface"))
    throw InputError("--trajectory needs --surface FILE.h5");

  const std::string kind = figure_kind(arguments);
  Figure figure;
  figure.title = arguments.value("title").value_or("");
  if (kind == "combined") figure.width_inches = 12.0;
  apply_size(arguments, figure);
  LandscapePanel landscape = landscape_options(arguments);
  if (arguments.has("surface")) {
    surface_figure(arguments, landscape, figure);
  } else {
    formula_figure(arguments, landscape, figure);
  }
  // Without a choice, the surface picks its scale: log where its values span decades.
  if (!arguments.has("log-levels") && !arguments.has("linear-levels")) {
    landscape.log_scale = prefers_log_scale(landscape.grid.values);
  }
  arrange(kind, std::move(landscape), figure);
  save_figure(figure, *out, dpi);
  std::fprintf(stderr, "wrote %s\n", out->c_str());
  return 0;
}

}  // namespace lv::cli
