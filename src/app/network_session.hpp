// The Network panel's background work: trains a small MLP, evaluates its loss landscape and the
// loss along a line between two weight vectors on a worker thread, publishing snapshots (loss
// history, current weights, decision regions, the progressively refined surface, the line) under a
// mutex so the frame loop never waits for the network. Surfaces can also be opened from HDF5.
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "curvature/hutchinson_trace.hpp"
#include "curvature/sharpness.hpp"
#include "curvature/spectral_density.hpp"
#include "curvature/top_eigenvalues.hpp"
#include "nn/dataset.hpp"
#include "nn/mlp.hpp"
#include "nn/surface_evaluator.hpp"
#include "nn/trainer.hpp"
#include "optim/optimizer.hpp"
#include "schedule/schedule.hpp"

namespace lv::app {

struct NetworkConfig {
  std::string data = "spirals:n=300,noise=0.15,seed=1";  // an lv::load_dataset argument
  std::vector<int> hidden{16, 16};                       // hidden layer widths
  LayerType activation = LayerType::Tanh;
  std::string optimizer = "adam";
  double learning_rate = 0.01;
  int epochs = 60;
  int batch_size = 32;
  uint64_t seed = 1;
  double validation_fraction = 0.0;  // held out (seeded shuffle) for validation curves
  bool mse = false;                  // classification with the square loss on one-hot targets
  int sharpness_every = 0;           // track λmax of the training loss every k updates; 0 = off
  // The schedule the panel edits (null: the lr as set); training runs on a copy of it.
  std::shared_ptr<Schedule> schedule;
  ScheduleStep schedule_step = ScheduleStep::Iteration;
  double weight_decay = 0.0;
  WeightDecayMode weight_decay_mode = WeightDecayMode::L2Loss;
  double dropout = 0.0;    // inverted dropout after each hidden activation, training only
  int patience = 0;        // early stopping on the validation loss (keeps the best); 0 = off
  double clip_norm = 0.0;  // clip_grad_norm_ of every batch gradient; 0 = off
};

// A copy of `schedule` with its settings (null for null), so the worker never reads what the
// panel is editing.
std::unique_ptr<Schedule> copy_schedule(const Schedule* schedule);

enum class LandscapePlane {
  Random,   // two filter-normalized Gaussian directions (Li et al. 2018, §4)
  Pca,      // the two leading principal directions of the training path (Li et al. §7)
  Files,    // directions read from safetensors files named like the weights
  Hessian,  // the loss Hessian's top two eigenvectors at the weights (unit vectors)
};

struct LandscapeConfig {
  LandscapePlane plane = LandscapePlane::Random;
  int resolution = 41;
  double range = 1.0;  // random, file and Hessian directions: coordinates in [-range, range]
  uint64_t seed = 3;   // random directions' seed
  std::string direction_x_path = "dx.safetensors", direction_y_path = "dy.safetensors";
};

// Where one end of an interpolation line comes from.
enum class WeightsSource { Initial, Current, File };

// The straight line θ(α) = (1 − α)·θ_A + α·θ_B (Goodfellow et al. 2015, "Qualitatively
// characterizing neural network optimization problems", §2), optionally with a trained quadratic
// Bézier curve between the same ends (Garipov et al. 2018, mode connectivity).
struct InterpolationConfig {
  WeightsSource from = WeightsSource::Initial, to = WeightsSource::Current;
  std::string from_path = "a.safetensors", to_path = "b.safetensors";  // for File ends
  double alpha_min = -0.5, alpha_max = 1.5;                            // Goodfellow et al.'s range
  int resolution = 41;
  bool bezier = false;
  int bezier_epochs = 20;
};

struct InterpolationCurve {
  std::vector<double> alpha;
  std::vector<double> train_loss, train_accuracy;              // accuracy NaN for regression
  std::vector<double> validation_loss, validation_accuracy;    // empty without a validation set
  std::vector<double> bezier_t, bezier_loss, bezier_accuracy;  // empty unless asked for
};

// The Curvature section: what to measure on the current weights (each part optional).
struct CurvatureConfig {
  bool validation_set = false;  // measure on the held-out set instead of the training set
  int top_k = 5;                // top eigenvalues (1..20)
  bool trace = true;
  bool hutchpp = false;  // Hutch++ instead of Hutchinson (same number of HVPs)
  int probes = 100;      // trace estimator HVPs (and per-layer Hutchinson probes)
  bool density = true;   // SLQ spectral density
  bool per_layer = true;
  bool sharpness = true;  // ε-sharpness and SAM sharpness
  double epsilon = 1e-3;
  double sam_rho = 0.05;
  bool dense_check = false;  // compare with the dense Hessian's spectrum (small models only)
  int subsamples = 4;        // λmax on this many disjoint random subsets (its spread); 0: off
  uint64_t seed = 0;
};

// Networks up to this many parameters offer the dense-Hessian check (n HVPs, n² memory).
constexpr int k_dense_check_parameter_limit = 5000;

struct CurvatureResult {
  bool valid = false;
  std::string set;     // "train" or "validation"
  TopEigenResult top;  // values, residuals and status (vectors left empty: not shown)
  bool has_trace = false;
  TraceEstimate trace;
  std::string trace_method;  // "Hutchinson" or "Hutch++"
  bool has_density = false;
  SpectralDensity density;
  std::vector<BlockCurvature> layers;
  bool has_sharpness = false;
  EpsilonSharpness epsilon;
  SamSharpness sam;
  double epsilon_setting = 0.0, sam_rho = 0.0;
  std::vector<double> subsample_lambda_max;  // one per disjoint random subset
  int subsample_size = 0;
  bool has_dense = false;
  Vec dense_top;             // the dense Hessian's top-k eigenvalues, descending
  double dense_trace = 0.0;  // its exact trace
};

// Model outputs on a grid over the data's bounding box (1- or 2-feature data), one cell per
// pixel of the area that shows them.
struct DecisionRegions {
  int size =
      0;  // size × size cells (size × 1 for one feature), row j at y_min + (j + 0.5)·height/size
  double x_min = 0, y_min = 0, width = 1, height = 1;
  std::vector<double> values;  // the predicted class (classification) or the output (regression)
  // Two features: size × size RGBA pixels, row 0 at the top (y_min + height). Classification:
  // each class in its region color (class_color), boundaries anti-aliased over one pixel;
  // regression: the output through viridis. Empty for one feature.
  std::vector<uint8_t> rgba;
};

// What the regions need to know of the data, copied so that the data may change meanwhile.
struct RegionFrame {
  int features = 0;
  bool classification = false;
  double x_min = 0, y_min = 0, width = 1, height = 1;  // the data's box padded by 10% per side
};

// The decision-region grid's side before the view asks for its pixel size, and the largest.
constexpr int k_default_region_size = 48;
constexpr int k_max_region_size = 512;

// Okabe–Ito class colors (readable on both themes): the scatter plot's dots, or (`region`) the
// same hue darkened for the region behind them.
std::array<uint8_t, 3> class_color(int index, bool region);

struct NetworkSnapshot {
  std::string task;  // "training", "landscape" or empty when idle
  double progress = 0.0;
  std::string message;  // how the last task ended, or its error
  std::vector<EpochRecord> history;
  std::vector<SharpnessRecord> sharpness;  // λmax during training (when tracked)
  long parameters_version = 0;             // bumped whenever the weights change
  DecisionRegions regions;
  long regions_version = 0;  // bumped whenever regions are published
  long surface_version = 0;  // bumped whenever a (more refined) surface is published
  Surface surface;
  bool surface_pca = false;
  std::string surface_file;  // the HDF5 file the surface came from; empty for computed ones
  std::vector<double> path_x, path_y, path_loss;  // PCA: the projected training path
  std::vector<double> hessian_eigenvalues;        // λ₁, λ₂ of a Hessian-direction landscape
  LandscapePlane surface_plane =
      LandscapePlane::Random;                      // how the computed surface's plane was chosen
  double explained_x = 0.0, explained_y = 0.0;     // PCA: fraction of the path's variance
  std::string direction_x_file, direction_y_file;  // Files: the direction files
  long interpolation_version = 0;                  // bumped whenever a line is published
  InterpolationCurve interpolation;
  CurvatureResult curvature;  // the last curvature measurement of the weights
};

// Reads a loss-landscape HDF5 surface for the view; throws InputError naming the file when it
// cannot be read or holds no finite loss value.
Surface read_surface_file(const std::string& path);

class NetworkSession {
 public:
  NetworkSession();
  NetworkSession(const NetworkSession&) = delete;
  NetworkSession& operator=(const NetworkSession&) = delete;
  ~NetworkSession();

  // Builds the data and model on the calling thread (throws InputError for a bad data argument,
  // optimizer or width), then trains on the worker. Cancels and joins any running task first.
  void start_training(const NetworkConfig& config);
  // Evaluates the landscape around the current weights on the worker. Throws InputError when no
  // model exists, PCA is asked for without a training path, or a direction file does not fit the
  // model (naming the file and tensor).
  void start_landscape(const LandscapeConfig& config);
  // Evaluates loss and accuracy along the line between two weight vectors (and the Bézier curve)
  // on the worker, on the training and the validation set. Throws InputError when no model
  // exists, the initial weights are asked for without a training run, a file does not fit the
  // model, or the range or resolution is bad.
  void start_interpolation(const InterpolationConfig& config);
  // Measures the curvature of the loss at the current weights on the worker (top-k eigenvalues
  // with residuals, Hutchinson trace, SLQ density, per-layer blocks, ε- and SAM sharpness, the
  // dense check), stage by stage with progress and cancel. Throws InputError when no model
  // exists, the validation set is empty, or a setting is out of range.
  void start_curvature(const CurvatureConfig& config);
  void cancel();
  void wait();  // joins the worker and lets the regions catch up (tests and headless modes)
  // The side in pixels of the area showing the decision regions (clamped to 16..512): when it
  // changes, the regions of the current weights are recomputed at that size on the region thread.
  void set_region_size(int pixels);
  // Returns once the regions of the latest weights, at the latest size, are published.
  void wait_for_regions();
  // Changes the learning rate of the running training from its next update on.
  void set_learning_rate(double learning_rate) { learning_rate_ = learning_rate; }
  bool busy() const { return busy_.load(); }

  // Replaces the current weights with a safetensors file for the current model.
  void load_weights(const std::string& path);
  // Writes the last complete surface as loss-landscape HDF5 (throws InputError if none).
  void save_surface(const std::string& path) const;
  // Shows a 2D surface from a loss-landscape HDF5 file (train_loss over xcoordinates ×
  // ycoordinates) in place of the computed one. Throws InputError naming the file and dataset at
  // fault, or while a task runs.
  void open_surface(const std::string& path);

  NetworkSnapshot snapshot() const;
  // The current weights; only meaningful while no task runs (the worker owns them meanwhile).
  const Vec& parameters() const { return parameters_; }
  const Mlp* model() const { return mlp_.get(); }
  const Dataset& data() const { return data_; }  // the training set
  const Dataset& validation() const { return validation_; }
  bool has_model() const { return mlp_ != nullptr; }

 private:
  void join();
  void publish_parameters(const Vec& parameters);
  void train(const NetworkConfig& config, Optimizer& optimizer, const Schedule* schedule);
  void landscape(const LandscapeConfig& config, const Vec& file_dx, const Vec& file_dy);
  Vec interpolation_end(WeightsSource source, const std::string& path) const;
  void interpolate(const InterpolationConfig& config, const Vec& from, const Vec& to);
  bool add_bezier_curve(const InterpolationConfig& config, const Vec& from, const Vec& to,
                        InterpolationCurve& curve) const;
  void curvature(const CurvatureConfig& config);
  void start_task(const std::string& task, std::function<void()> work);
  // The region thread: the latest weights posted win, older ones waiting are dropped.
  struct RegionJob {
    std::shared_ptr<const Mlp> mlp;
    Vec parameters;
    RegionFrame frame;
  };
  void post_regions(RegionJob job);
  void region_loop();
  void finish(const std::string& message);

  Dataset data_, validation_;       // changed only while no worker runs
  std::shared_ptr<const Mlp> mlp_;  // shared with region jobs
  RegionFrame region_frame_;
  Vec parameters_;                // worker-owned while busy
  Vec initial_parameters_;        // where the last training started
  std::vector<Vec> checkpoints_;  // the last training's path
  std::thread worker_;
  std::atomic<bool> cancel_{false}, busy_{false};
  std::atomic<double> learning_rate_{0.01};
  mutable std::mutex mutex_;
  NetworkSnapshot snapshot_;  // guarded by mutex_
  std::mutex region_mutex_;   // guards the region thread's fields below
  std::condition_variable region_wake_, region_idle_;
  std::optional<RegionJob> region_pending_, region_last_;
  int region_size_ = k_default_region_size;
  bool region_busy_ = false, region_stop_ = false;
  std::thread region_worker_;  // last: starts after the fields it reads
};

// Hidden widths as text ("16,16") and back; throws InputError naming the bad entry.
std::vector<int> parse_hidden_widths(const std::string& text);
ModelSpec network_model_spec(const Dataset& data, const NetworkConfig& config);
RegionFrame region_frame(const Dataset& data);
// The model's outputs on a size × size grid (size × 1 for one feature) over the frame, with the
// RGBA picture for two features. Empty for more than two features.
DecisionRegions decision_regions(const Mlp& mlp, const Vec& parameters, const RegionFrame& frame,
                                 int size);

}  // namespace lv::app
