// Scenes: everything needed to reproduce a view of a test surface — function or formula with its
// parameters, optimizers with hyperparameters and start points, schedule, run settings,
// view/camera and colormap — as JSON (docs/architecture.md §4.6). Lessons are scenes with a title
// and text. GL-free: the GUI maps a Scene onto its state; names are resolved by the registries, so
// a scene naming an optimizer this build does not have reports it and keeps the rest.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "expr/expr.hpp"
#include "functions/test_function.hpp"
#include "models/two_param_model.hpp"
#include "optim/optimizer.hpp"
#include "schedule/schedule.hpp"

namespace lv {

// Hyperparameter settings as name → text (the text HyperParameters::set_from_text reads).
using SceneSettings = std::vector<std::pair<std::string, std::string>>;

struct SceneOptimizer {
  std::string name;   // registry name ("sgd", "adam")
  std::string label;  // shown in legends (default: empty, the name)
  std::string color;  // "#rrggbb" (default: empty, picked from the palette)
  double start_x = 0.0, start_y = 0.0;
  SceneSettings settings;
  // The run's number format: "float64", "float32", "bfloat16" or "float16" (default: "float64";
  // docs/precision.md). Saved only when not float64.
  std::string precision = "float64";
};

struct SceneSchedule {
  std::string name = "constant";
  SceneSettings settings;
};

struct SceneView {
  std::string mode = "2d";  // "2d" or "3d"
  bool has_box = false;     // false: the function's default view box
  ViewBox box;
  double yaw = -0.9, pitch = 0.55, distance = 3.4;        // orbit camera, radians and scene units
  double target_x = 0.0, target_y = 0.0, target_z = 0.3;  // what the camera orbits (panned)
  // The 2D view's center and zoom (function units per pixel); false: fit the box (default).
  bool has_center = false;
  double center_x = 0.0, center_y = 0.0, units_per_pixel = 0.01;
  std::string colormap = "viridis";
  bool log_scale = false;
  bool scale_given = true;  // false: the file names no "scale"; the function's default applies
  int contours = 16;
  bool gradient_arrows = false;
  bool color_by_curvature = false;  // color by the smallest Hessian eigenvalue (default: off)
  // At each optimizer's point: the Hessian's eigenvectors and the local quadratic model's level
  // set (default: off); the Plots panel's curvature plots (λmax, λmin, κ; default: off).
  bool hessian_eigenvectors = false;
  bool quadratic_model = false;
  bool curvature_plots = false;
  int mesh_resolution = 0;  // 3D mesh cells per side; 0: automatic (default)
  // A 2D region to fit into the window on load (x_min, x_max, y_min, y_max), whatever the window
  // size: for hand-written scenes. A center and zoom, when present, win over it.
  bool has_region = false;
  ViewBox region;
};

// The animation: where it stands and how it plays (default: from the start, playing).
struct ScenePlayback {
  double step = 0.0;  // fractional step (the app saves it for a paused animation; 0 if playing)
  bool playing = true;
  double speed = 120.0;  // steps per second
  bool loop = false;
  int tail = 40;  // steps drawn bright behind the moving point
};

// A network to train when the scene opens (the Network panel's settings; lessons on networks,
// such as the edge of stability). Absent from scenes about test surfaces only.
struct SceneNetwork {
  bool present = false;
  std::string data = "spirals:n=300,noise=0.15,seed=1";  // an lv::load_dataset argument
  std::vector<int> hidden{16, 16};                       // hidden layer widths
  std::string activation = "tanh";
  std::string optimizer = "adam";
  double learning_rate = 0.01;
  int epochs = 60;
  int batch_size = 32;  // 0: full batch
  uint64_t seed = 1;
  double validation = 0.0;  // fraction held out
  bool mse = false;         // "loss": "mse" (one-hot targets for classes) or "cross_entropy"
  int sharpness_every = 0;  // track λmax every k updates; 0: off
  // Regularizers and the schedule (nn/trainer.hpp TrainSettings):
  SceneSchedule schedule;                   // "constant": the lr as set
  std::string schedule_step = "iteration";  // or "epoch": when the schedule steps
  double weight_decay = 0.0;
  std::string weight_decay_mode = "l2";  // or "decoupled": the optimizer's own weight_decay
  double dropout = 0.0;                  // [0, 1)
  int patience = 0;                      // early stopping on the validation loss; 0: off
  double clip_norm = 0.0;                // 0: off
};

struct Scene {
  std::string title;     // lessons: shown above the text
  std::string text;      // lessons: 2–4 sentences
  std::string function;  // built-in name; empty when `formula` is set
  std::string formula;
  // Built-in: overrides of its parameter values (ranges ignored). Formula: its parameters.
  std::vector<FormulaParameter> parameters;
  // "x + y >= 1", "x^2 + y^2 <= 4", "x - y = 0": the feasible set (checked when applied).
  std::vector<std::string> constraints;
  // A model on data (function linear_regression, logistic_regression or neuron): its data, a
  // generator or CSV path (default: empty, the model's default data). Other functions: empty.
  std::string data;
  std::vector<SceneOptimizer> optimizers;
  SceneSchedule schedule;
  int steps = 500;
  double noise_sigma = 0.0;
  uint64_t seed = 0;
  int batch_size =
      0;  // "run": {"batch_size"}: mini-batch size on a model on data (default: 0, full)
  double clip_norm = 0.0;
  double clip_value = 0.0;
  SceneView view;
  ScenePlayback playback;
  SceneNetwork network;
};

// Parses scene JSON; throws InputError naming `source` and the offending key on malformed input.
// Names (functions, optimizers, hyperparameters) are not checked here: see the make_* helpers.
Scene parse_scene(std::string_view json_text, const std::string& source = "scene");
std::string scene_to_json(const Scene& scene);

Scene load_scene(const std::string& path);
void save_scene(const std::string& path, const Scene& scene);  // atomically

// The scene's formula with its parameters applied; throws InputError for an unknown function,
// an unknown parameter or a formula that does not parse.
Expr make_scene_expr(const Scene& scene);
// The scene's model on data, or null when its function is not one; throws InputError for bad
// data ("data 'x.csv:3: ...'").
std::shared_ptr<const TwoParamModel> make_scene_model(const Scene& scene);
// An optimizer with the scene's settings applied; throws InputError naming the unknown optimizer
// or the bad setting ("optimizer 'sgd': ...").
std::unique_ptr<Optimizer> make_scene_optimizer(const SceneOptimizer& entry);
std::unique_ptr<Schedule> make_scene_schedule(const SceneSchedule& entry);

// Settings of a HyperParameters set as name → text, for saving.
SceneSettings scene_settings(const HyperParameters& parameters);

}  // namespace lv
