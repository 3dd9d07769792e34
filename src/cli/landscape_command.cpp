// lossviz-cli landscape: the loss (and accuracy) of a trained network on a 2D plane or a 1D line
// through its weights, written as HDF5 in the loss-landscape layout or as CSV. Directions come
// from files (--dir-x/--dir-y), from a seed with filter/layer/no normalization (Li et al. 2018
// §4), from the straight line to other weights (--interpolate-to, Goodfellow et al. 2015), or from
// PCA of training checkpoints (--pca DIR, Li et al. §7, with the trajectory projected), or from the
// loss Hessian's top eigenvectors (--hessian-directions, as PyHessian plots them). With
// --interpolate-to and --bezier-epochs, a quadratic Bézier curve between the two weight files is
// trained as well (mode connectivity, Garipov et al. 2018) and its loss along t ∈ [0, 1] is added.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <random>

#include "cli/commands.hpp"
#include "cli/network_setup.hpp"
#include "cli/progress.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"
#include "files/atomic_file.hpp"
#include "io/surface_file.hpp"
#include "nn/bezier_curve.hpp"
#include "nn/directions.hpp"
#include "nn/hessian_directions.hpp"
#include "nn/network_weights.hpp"
#include "nn/pca_directions.hpp"
#include "nn/surface_evaluator.hpp"
#include "optim/registry.hpp"

namespace lv::cli {

namespace {

struct Range {
  double first = -1.0;
  double last = 1.0;
};

Range parse_range(const Arguments& arguments, const std::string& name, Range fallback) {
  const auto text = arguments.value(name);
  if (!text) return fallback;
  const std::vector<std::string> parts = split(*text, ':');
  const auto first = parts.size() == 2 ? parse_double(parts[0]) : std::nullopt;
  const auto last = parts.size() == 2 ? parse_double(parts[1]) : std::nullopt;
  if (!first || !last || !std::isfinite(*first) || !std::isfinite(*last) || !(*first < *last)) {
    throw InputError("--" + name + ": expected MIN:MAX with MIN < MAX (e.g. -1:1), got '" + *text +
                     "'");
  }
  return {*first, *last};
}

struct Plane {
  Vec dx;
  Vec dy;  // empty in 1D
  Range x_range;
  Range y_range;
  std::vector<std::pair<std::string, std::vector<double>>> extra_datasets;
};

void reject_together(const Arguments& arguments, const std::string& mode,
                     std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (arguments.has(name))
      throw InputError("--" + std::string(name) + " cannot be combined with --" + mode);
  }
}

std::vector<Vec> read_checkpoints(const Mlp& mlp, const std::string& directory) {
  if (!std::filesystem::is_directory(directory))
    throw InputError("--pca: '" + directory + "' is not a directory");
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == ".safetensors") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());  // step_00000012 names sort in step order
  std::vector<Vec> checkpoints;
  for (const std::string& path : paths) checkpoints.push_back(load_parameters(mlp, path));
  return checkpoints;
}

// The trajectory's extent with a margin of a fifth of its span on each side.
Range padded_extent(const std::vector<double>& values) {
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  const double margin = std::max(0.2 * (*high - *low), 1e-3);
  return {*low - margin, *high + margin};
}

Plane pca_plane(const Arguments& arguments, const NetworkSetup& setup, const Vec& weights,
                bool one_dimensional) {
  reject_together(arguments, "pca",
                  {"dir-x", "dir-y", "norm", "seed", "interpolate-to", "include-bias"});
  const std::vector<Vec> checkpoints = read_checkpoints(setup.mlp, *arguments.value("pca"));
  const PcaDirections pca = pca_directions(checkpoints, weights);
  const ProjectedTrajectory trajectory =
      project_trajectory(setup.mlp, setup.data, checkpoints, weights, pca);
  std::fprintf(stderr,
               "landscape: PCA of %zu checkpoints explains %.1f%% + %.1f%% of the variance\n",
               checkpoints.size(), 100 * pca.explained_x, 100 * pca.explained_y);
  Plane plane{pca.dx, one_dimensional ? Vec() : pca.dy, {}, {}, {}};
  plane.x_range = parse_range(arguments, "xrange", padded_extent(trajectory.x));
  plane.y_range = parse_range(arguments, "yrange", padded_extent(trajectory.y));
  plane.extra_datasets = {{"trajectory_x", trajectory.x},
                          {"trajectory_y", trajectory.y},
                          {"trajectory_distance", trajectory.distance},
                          {"trajectory_loss", trajectory.loss},
                          {"trajectory_plane_loss", trajectory.plane_loss},
                          {"explained_variance_ratio", {pca.explained_x, pca.explained_y}}};
  return plane;
}

Plane interpolation_line(const Arguments& arguments, const NetworkSetup& setup,
                         const Vec& weights) {
  reject_together(arguments, "interpolate-to",
                  {"dir-x", "dir-y", "norm", "seed", "yrange", "include-bias"});
  // Goodfellow et al. plot α ∈ [−0.5, 1.5]: α = 0 is --weights, α = 1 the other weights.
  const Vec target = load_parameters(setup.mlp, *arguments.value("interpolate-to"));
  return {target - weights, Vec(), parse_range(arguments, "xrange", {-0.5, 1.5}), {}, {}};
}

Plane file_plane(const Arguments& arguments, const NetworkSetup& setup, bool one_dimensional) {
  reject_together(arguments, "dir-x", {"norm", "seed", "include-bias"});
  Plane plane;
  plane.dx = load_parameters(setup.mlp, *arguments.value("dir-x"));
  if (!one_dimensional) {
    const auto dy = arguments.value("dir-y");
    if (!dy) throw InputError("--dir-x needs --dir-y for a 2D landscape (or give --1d)");
    plane.dy = load_parameters(setup.mlp, *dy);
  } else if (arguments.has("dir-y")) {
    throw InputError("--dir-y cannot be used with --1d");
  }
  return plane;
}

Plane random_plane(const Arguments& arguments, const NetworkSetup& setup, const Vec& weights,
                   bool one_dimensional) {
  DirectionSettings settings;
  settings.norm = parse_direction_norm(arguments.value("norm").value_or("filter"));
  settings.include_bias = arguments.has("include-bias");
  std::mt19937_64 generator(static_cast<uint64_t>(arguments.integer("seed").value_or(0)));
  Plane plane;
  plane.dx = random_direction(setup.mlp, weights, settings, generator);
  if (!one_dimensional) plane.dy = random_direction(setup.mlp, weights, settings, generator);
  return plane;
}

// The top Hessian eigenvectors at the weights (unit vectors: coordinates are distances in
// parameter space), with the eigenvalues recorded beside the surface.
Plane hessian_plane(const Arguments& arguments, const NetworkSetup& setup, const Vec& weights,
                    bool one_dimensional) {
  reject_together(arguments, "hessian-directions",
                  {"dir-x", "dir-y", "norm", "seed", "interpolate-to", "include-bias", "pca"});
  const HessianDirections directions =
      hessian_directions(setup.mlp, setup.data, weights, one_dimensional ? 1 : 2);
  if (directions.status != EigenStatus::Converged) {
    throw InputError(std::string("--hessian-directions: Lanczos ") +
                     eigen_status_name(directions.status) + " after " +
                     std::to_string(directions.hessian_vector_products) +
                     " Hessian-vector products");
  }
  std::vector<double> eigenvalues = {directions.lambda_x};
  if (!one_dimensional) eigenvalues.push_back(directions.lambda_y);
  std::string listed;
  for (const double value : eigenvalues)
    listed += (listed.empty() ? "" : ", ") + format_shortest(value);
  std::fprintf(stderr, "landscape: top Hessian eigenvalues %s (%ld Hessian-vector products)\n",
               listed.c_str(), directions.hessian_vector_products);
  Plane plane{directions.dx, directions.dy, {}, {}, {}};
  plane.extra_datasets = {{"hessian_eigenvalues", eigenvalues}};
  return plane;
}

Plane plane_from_flags(const Arguments& arguments, const NetworkSetup& setup, const Vec& weights,
                       bool one_dimensional) {
  if (arguments.has("pca")) return pca_plane(arguments, setup, weights, one_dimensional);
  if (arguments.has("interpolate-to")) {
    if (!one_dimensional) throw InputError("--interpolate-to draws a 1D line: add --1d");
    return interpolation_line(arguments, setup, weights);
  }
  if (arguments.has("dir-y") && !arguments.has("dir-x")) throw InputError("--dir-y needs --dir-x");
  Plane plane = arguments.has("hessian-directions")
                    ? hessian_plane(arguments, setup, weights, one_dimensional)
                : arguments.has("dir-x") ? file_plane(arguments, setup, one_dimensional)
                                         : random_plane(arguments, setup, weights, one_dimensional);
  plane.x_range = parse_range(arguments, "xrange", {-1, 1});
  plane.y_range = parse_range(arguments, "yrange", {-1, 1});
  return plane;
}

// Trains the Bézier bend with SGD (momentum 0.9) and adds the loss along the curve as
// bezier_t, bezier_loss (and bezier_acc for classification) datasets.
void add_bezier_curve(const Arguments& arguments, const NetworkSetup& setup, const Vec& weights,
                      int resolution, SurfaceFile& file) {
  const auto epochs = arguments.integer("bezier-epochs");
  if (*epochs < 1) throw InputError("--bezier-epochs must be >= 1");
  const double learning_rate = arguments.number("bezier-lr").value_or(0.05);
  if (!(learning_rate > 0)) throw InputError("--bezier-lr must be > 0");
  auto optimizer = make_optimizer("sgd");
  optimizer->hyperparameters().set("lr", learning_rate);
  optimizer->hyperparameters().set("momentum", 0.9);
  BezierSettings settings;
  settings.epochs = *epochs;
  settings.batch_size = 32;
  settings.seed = static_cast<uint64_t>(arguments.integer("seed").value_or(0));
  const Vec target = load_parameters(setup.mlp, *arguments.value("interpolate-to"));
  const BezierTraining training =
      train_bezier_curve(setup.mlp, setup.data, weights, target, *optimizer, settings);
  if (training.diverged)
    std::fprintf(stderr,
                 "landscape: Bezier curve training diverged; writing the last finite curve\n");
  std::vector<double> t = linear_coordinates(0.0, 1.0, resolution), loss, accuracy;
  for (const Evaluation& evaluation : evaluate_along(setup.mlp, setup.data, training.curve, t)) {
    loss.push_back(evaluation.loss);
    accuracy.push_back(evaluation.accuracy);
  }
  std::fprintf(stderr, "landscape: worst loss along the Bezier curve %.6g\n",
               *std::max_element(loss.begin(), loss.end()));
  file.extra_datasets.push_back({"bezier_t", t});
  file.extra_datasets.push_back({"bezier_loss", loss});
  if (setup.mlp.spec().loss == LossType::CrossEntropy)
    file.extra_datasets.push_back({"bezier_acc", accuracy});
}

}  // namespace

int landscape_command(const Args& args) {
  std::vector<FlagSpec> specs;
  for (const char* name :
       {"model", "weights", "data", "dir-x", "dir-y", "seed", "norm", "xrange", "yrange",
        "resolution", "out", "interpolate-to", "pca", "threads", "bezier-epochs", "bezier-lr"}) {
    specs.push_back({name});
  }
  specs.push_back({"1d", false});
  specs.push_back({"include-bias", false});
  specs.push_back({"hessian-directions", false});
  const Arguments arguments(args, specs);

  const std::string out = required_value(arguments, "out", "SURFACE.h5|.csv");
  const bool hdf5 = out.ends_with(".h5") || out.ends_with(".hdf5");
  if (!hdf5 && !out.ends_with(".csv"))
    throw InputError("--out: expected a .h5 or .csv file, got '" + out + "'");
  const auto resolution = arguments.integer("resolution");
  if (!resolution) throw InputError("missing --resolution N");
  const bool one_dimensional = arguments.has("1d");
  // The grid is held in memory (loss and accuracy, float64): 5001² points is 400 MB already.
  const int max_resolution = one_dimensional ? 1'000'000 : 5001;
  if (*resolution < 2 || *resolution > max_resolution) {
    throw InputError("--resolution must be between 2 and " + std::to_string(max_resolution) +
                     (one_dimensional ? " with --1d" : " (a grid of N×N points)"));
  }
  const int threads = arguments.integer_between("threads", 0, 1024, 0);  // 0: all cores
  check_output_file(out, "--out");
  if (arguments.has("bezier-epochs") && (!arguments.has("interpolate-to") || !hdf5)) {
    throw InputError("--bezier-epochs needs --interpolate-to W2.safetensors and an .h5 --out");
  }
  if (arguments.has("bezier-lr") && !arguments.has("bezier-epochs"))
    throw InputError("--bezier-lr needs --bezier-epochs");
  if (one_dimensional && arguments.has("yrange"))
    throw InputError("--yrange cannot be used with --1d");

  const NetworkSetup setup = load_network_setup(arguments);
  const Vec weights = load_weights_flag(arguments, setup.mlp);
  Plane plane = plane_from_flags(arguments, setup, weights, one_dimensional);

  SurfaceOptions options;
  options.threads = threads;
  Progress progress("landscape");
  options.on_progress = [&](const SurfaceProgress& state) {
    progress.update(static_cast<double>(state.points_done) /
                    static_cast<double>(state.points_total));
  };
  const std::vector<double> x =
      linear_coordinates(plane.x_range.first, plane.x_range.last, *resolution);
  const std::vector<double> y =
      one_dimensional ? std::vector<double>()
                      : linear_coordinates(plane.y_range.first, plane.y_range.last, *resolution);
  const SurfaceResult result =
      evaluate_surface(setup.mlp, setup.data, weights, plane.dx, plane.dy, x, y, options);
  const Surface& surface = result.surface;
  progress.finish("loss in [" + format_exact(surface.loss.minCoeff()) + ", " +
                  format_exact(surface.loss.maxCoeff()) + "]");

  SurfaceFile file{surface.x, surface.y, surface.loss, Mat(), std::move(plane.extra_datasets)};
  if (setup.mlp.spec().loss == LossType::CrossEntropy) file.accuracy = surface.accuracy;
  if (arguments.has("bezier-epochs"))
    add_bezier_curve(arguments, setup, weights, *resolution, file);
  if (hdf5) {
    write_surface_hdf5(out, file);
  } else {
    write_surface_csv(out, file);
  }
  return 0;
}

}  // namespace lv::cli
