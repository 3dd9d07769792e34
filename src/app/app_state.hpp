// All mutable state of the lossviz window in one struct (panels read and edit it; the frame loop
// renders it). Configuration lives in core objects (lv::Expr, lv::Optimizer, lv::Schedule), so
// panels are built from their descriptors and new registry entries need no GUI code.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compare_session.hpp"
#include "constraints/constraint_set.hpp"
#include "curvature/trajectory_curvature.hpp"
#include "expr/expr.hpp"
#include "functions/test_function.hpp"
#include "kkt_view.hpp"
#include "models/two_param_model.hpp"
#include "network_session.hpp"
#include "numeric/precision.hpp"
#include "optim/optimizer.hpp"
#include "race_session.hpp"
#include "regularization_view.hpp"
#include "render/camera.hpp"
#include "run/lr_finder.hpp"
#include "run/trajectory.hpp"
#include "schedule/schedule.hpp"
#include "undo_history.hpp"

namespace lv::app {

struct FunctionState {
  int builtin = 0;          // index into lv::test_functions(); -1: a typed formula
  std::string editor_text;  // the formula editor's contents
  Expr expr;                // the last formula that parsed (the picture shows it)
  std::string error;        // parse or shader error, shown under the editor
  // Constraints g(x, y) <= 0 / h(x, y) = 0 as typed (constraint_texts) and the set that parsed
  // (the picture shades it, constrained methods use it); constraint_error names a bad one.
  std::vector<std::string> constraint_texts;
  ConstraintSet constraints;
  std::string constraint_error;
  ViewBox domain;            // 3D surface domain and the 2D home view
  bool shader_stale = true;  // the shaders need recompiling for `expr`
  // A two-parameter model on data (docs/two_param_models.md); `expr` is then its loss formula and
  // `builtin` is -1. Null for test functions and typed formulas.
  std::shared_ptr<const TwoParamModel> model;
  std::string model_data;  // the Data field: a generator "linear:n=60" or a CSV path
  std::string data_error;  // the last data that did not load
};

struct OptimizerSlot {
  std::unique_ptr<Optimizer> optimizer;  // holds the hyperparameters
  std::string label;
  std::array<float, 3> color{1, 1, 1};
  double start_x = 0.0, start_y = 0.0;
  bool visible = true;
  std::string error;  // configuration error from the last run (e.g. nesterov without momentum)
  NumberFormat precision = NumberFormat::Float64;  // the run's number format (docs/precision.md)
  // The last learning-rate range test of this optimizer from its start (empty: none run yet).
  std::optional<LrFinderResult> lr_finder;
  std::string lr_finder_error;
};

struct RunState {
  std::unique_ptr<Schedule> schedule;  // shared by all optimizers
  int steps = 500;                     // updates per run (default: 500)
  double noise_sigma = 0.0;            // Gaussian gradient noise (default: off)
  int seed = 0;
  int batch_size = 0;  // mini-batch size on a model on data (default: 0, full batch)
  double clip_norm = 0.0, clip_value = 0.0;  // 0: off
  std::vector<Trajectory> trajectories;      // one per optimizer slot, in order
  // Hessian eigenvalues, κ and the stability limit along each trajectory (same slots), computed
  // with the race (on its worker), never per frame.
  std::vector<CurvatureTrack> curvature;
  double curvature_scale = 1.0;  // a typical |λ| of the race: the eigenvector arrows' full length
  // `regularized` runs: the penalized and unpenalized minimizers and the λ path (same slots;
  // regularization_view.hpp), computed when the race is installed, never per frame.
  std::vector<std::optional<RegularizationView>> regularization;
  // Constrained runs: the KKT check at each run's last point (same slots; kkt_view.hpp), also
  // computed when the race is installed rather than every frame.
  std::vector<std::optional<KktView>> final_kkt;
  bool stale = true;  // re-run before drawing
  // Interactive windows compute races on this worker (headless runs compute them in the frame).
  std::shared_ptr<RaceSession> session = std::make_shared<RaceSession>();
};

struct PlaybackState {
  double step = 0.0;  // the animation's position (fractional step)
  bool playing = true;
  double speed = 120.0;  // steps per second (default: 120)
  bool loop = false;
  int tail_steps = 40;  // steps drawn bright behind the moving point (default: 40)
};

struct ViewState {
  bool three_d = false;
  View2D view2d;
  OrbitCamera camera;
  int colormap = 0;  // index into colormaps()
  bool log_scale = false;
  int contours = 16;
  bool arrows = false;
  bool color_by_curvature = false;
  // At each optimizer's point (2D): the Hessian's eigenvectors, and the local quadratic model's
  // level set (curvature_view.hpp).
  bool hessian_eigenvectors = false;
  bool quadratic_model = false;
  int mesh_resolution = 0;  // cells per side; 0: automatic (coarse while moving, fine when idle)
  // Axes around the picture (2D: ticked x/y; 3D: the box with x, y and f) and the colorbar; a
  // grid over the 2D picture; the built-in function's known minima and saddles.
  bool axes = true;
  bool grid = false;
  bool critical_points = true;
  bool surface_contours = true;
  bool floor_contours = true;
  float height_scale = 0.8f;
  // A loaded scene's 2D region, fitted by the next home_view instead of the domain.
  std::optional<ViewBox> region_to_show;
  // Derived from the formula over the visible region (recomputed when stale).
  float value_min = 0.0f, value_max = 1.0f, curvature_range = 1.0f;
  bool range_stale = true;
};

struct HoverState {
  bool active = false;
  double x = 0.0, y = 0.0;
};

struct UiState {
  bool presentation = false;
  bool dark_theme = true;
  bool show_help = false;
  bool show_plots = true;
  bool plots_log_y = true;
  bool curvature_plots = false;  // the Plots panel shows λmax, λmin and κ instead of the norms
  // The Plots panel's fourth plot: 0 learning rate, 1 parameter norm ‖x‖, 2 effective lr
  // ‖Δx‖/‖∇f‖, 3 update/parameter ratio ‖Δx‖/‖x‖.
  int fourth_plot = 0;
  bool fullscreen = false;
  float dpi_scale = 1.0f;
  int selected_optimizer = 0;
  bool interacting = false;  // a drag or slider is in progress (3D mesh goes coarse)
  bool open_dialog = false, save_dialog = false;
  std::string scene_path = "scene.json";
  std::string new_parameter_name;  // the function panel's "add parameter" field
  std::string lesson_title, lesson_text;
  std::vector<std::string> messages;  // scene load problems, save confirmations
  std::string recovery_path;  // the autosaved scene of a session that crashed, offered at start
  // Requests panels leave for the frame loop (which owns files and the viewport size).
  std::string load_request, save_request;
  bool home_request = false;
  bool undo_request = false, redo_request = false;  // the Undo/Redo buttons
  // The scene's undo steps (state_actions.hpp: record_undo_step, undo_scene_change).
  UndoHistory undo;
  HoverState hover;
};

// What the Export panel can write (the frame loop owns files and the GL context, so the panel
// only queues requests and shows progress).
enum class ExportKind {
  ViewImage,     // the current 2D/3D view as PNG, rendered offscreen at any size
  Figure,        // the vector figure of the scene (SVG/PDF/PNG)
  LossPlots,     // loss and gradient-norm curves (SVG/PDF/PNG)
  Trajectories,  // CSV (one file per run) or JSON (all runs)
  SurfaceGrid,   // the sampled surface as CSV
  Mesh,          // the surface as OBJ or binary STL
  Animation,     // the trajectory animation as GIF or MP4 (PNG frames without ffmpeg)
};

struct ExportRequest {
  ExportKind kind = ExportKind::ViewImage;
  std::string path;
};

struct ExportState {
  int kind = 0;  // ExportKind as the panel's combo index
  std::string path = "lossviz.png";
  int width = 1920, height = 1080;  // offscreen image and animation size in pixels
  int fps = 30;
  double seconds = 4.0;                 // animation length (the whole run is spread over it)
  int grid_samples = 101;               // surface samples per side for grid and mesh exports
  std::vector<ExportRequest> requests;  // queued by the panel or --export, run by the frame loop
  bool animating = false;
  float progress = 0.0f;  // 0..1 while animating
  bool cancel_request = false;
  std::vector<std::string> recent;  // newest first
  std::string message;              // the last export's result or error
};

// The Network panel: a model trained on a data set and its loss landscape, computed by `session`
// on a worker thread; `snapshot` is its published state, copied once per frame.
struct NetworkState {
  std::shared_ptr<NetworkSession> session = std::make_shared<NetworkSession>();
  NetworkSnapshot snapshot;
  NetworkConfig config;
  LandscapeConfig landscape;
  InterpolationConfig interpolation;
  bool interpolation_log_loss = false;
  std::string hidden_text = "16,16";
  std::string weights_path = "weights.safetensors", surface_path = "landscape.h5";
  bool show_landscape = false;  // the scene shows the network's landscape instead of the formula
  int reveal_frames = 0;        // open the panel and scroll it into view for this many frames
  std::string error;            // the last rejected request (bad data argument, no model...)
  bool in_scene = false;        // the scene set the network up: saving it keeps the network
  CurvatureConfig curvature;    // the Curvature section's settings
  bool density_log_y = false;   // the spectral density on a log axis
  bool open_curvature = false;  // open the Curvature section on the next frame
  // The decision regions' picture as a GL texture (made by the frame loop, network_view.cpp; 0
  // before the first) and the snapshot.regions_version it holds.
  unsigned int regions_texture = 0;
  long regions_texture_version = 0;
};

// The Compare panel: what to compare and how (docs/compare.md), the worker running it and the
// last result on show.
struct CompareConfig {
  bool panel_optimizers = true;  // the Optimizers panel's optimizers; otherwise `ticked`
  std::vector<std::string> ticked{"sgd", "adam"};  // registered names (default: sgd, adam)
  bool evaluation_budget = false;  // budget in function evaluations instead of steps
  int budget = 200;                // steps or evaluations per run (default: 200)
  int starts = 8;                  // start points (and noise seeds) per set (default: 8)
  bool random_search = false;      // (default: grid)
  int grid_points = 13;            // per tuned parameter (default: 13)
  int trials = 40;                 // random search settings (default: 40)
  double tolerance = 1e-4;         // target: known global minimum + tolerance (default: 1e-4)
};

struct CompareState {
  CompareConfig config;
  std::shared_ptr<CompareSession> session = std::make_shared<CompareSession>();
  CompareSnapshot snapshot;  // copied from the session once per frame
  // Where each result came from: its Optimizers panel slot (-1: a ticked registered optimizer),
  // its registry name and color, and what was compared (for the results window's caption).
  std::vector<int> slots;
  std::vector<std::string> names;
  std::vector<std::array<float, 3>> colors;
  std::string caption;
  bool has_target = false;
  long shown_version = 0;  // the snapshot version the results window last opened for
  bool show_results = false;
  bool reveal = false;  // open the Compare panel (headless --compare)
  std::string csv_path = "comparison.csv";
  std::string message;  // the last rejected request or CSV export result
};

struct AppState {
  FunctionState function;
  std::vector<OptimizerSlot> optimizers;
  RunState run;
  PlaybackState playback;
  ViewState view;
  UiState ui;
  ExportState exports;
  NetworkState network;
  CompareState compare;
};

}  // namespace lv::app
