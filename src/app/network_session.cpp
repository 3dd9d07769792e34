#include "network_session.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>
#include <sstream>

#include "common/errors.hpp"
#include "io/surface_file.hpp"
#include "io/surface_h5_reader.hpp"
#include "nn/bezier_curve.hpp"
#include "nn/directions.hpp"
#include "nn/hessian_directions.hpp"
#include "nn/network_objective.hpp"
#include "nn/network_weights.hpp"
#include "nn/pca_directions.hpp"
#include "optim/registry.hpp"
#include "plot/colormap.hpp"

namespace lv::app {
namespace {

constexpr int k_region_chunk = 16384;  // grid points per forward pass: bounded memory at 512²

// The data's bounding box, padded by 10% per side so regions show beyond the outermost points.
void padded_bounds(const Dataset& data, int feature, double& low, double& width) {
  const double min = data.inputs.row(feature).minCoeff();
  const double max = data.inputs.row(feature).maxCoeff();
  const double span = std::max(max - min, 1e-6);
  low = min - 0.1 * span;
  width = 1.2 * span;
}

std::array<uint8_t, 3> mix(const std::array<uint8_t, 3>& from, const std::array<uint8_t, 3>& to,
                           double amount) {
  std::array<uint8_t, 3> mixed{};
  for (size_t c = 0; c < 3; ++c)
    mixed[c] = static_cast<uint8_t>(std::lround(from[c] + amount * (to[c] - from[c])));
  return mixed;
}

void put_pixel(std::vector<uint8_t>& rgba, size_t pixel, const std::array<uint8_t, 3>& color) {
  std::copy(color.begin(), color.end(), rgba.begin() + static_cast<std::ptrdiff_t>(4 * pixel));
  rgba[4 * pixel + 3] = 255;
}

// The class picture with anti-aliased boundaries. A cell whose top class is a and runner-up b
// lies d / |∇d| pixels from the a|b boundary, where d = z_a − z_b (logits) and ∇d is taken by
// differences over the neighbouring cells; it gets the color of a over (½ + that distance) of its
// area, clamped to 1, and b's color over the rest: a one-pixel ramp across each boundary.
std::vector<uint8_t> class_picture(const Mat& logits, int size) {
  std::vector<uint8_t> rgba(static_cast<size_t>(size) * size * 4);
  const auto cell = [size](int i, int j) { return static_cast<Eigen::Index>(j) * size + i; };
  for (int j = 0; j < size; ++j) {
    for (int i = 0; i < size; ++i) {
      const auto z = logits.col(cell(i, j));
      Eigen::Index a = 0;
      z.maxCoeff(&a);
      Eigen::Index b = a == 0 ? 1 : 0;
      for (Eigen::Index k = 0; k < z.size(); ++k) {
        if (k != a && z(k) > z(b)) b = k;
      }
      const auto d = [&](int ii, int jj) {
        const auto q = logits.col(cell(std::clamp(ii, 0, size - 1), std::clamp(jj, 0, size - 1)));
        return q(a) - q(b);
      };
      const double gx = 0.5 * (d(i + 1, j) - d(i - 1, j));
      const double gy = 0.5 * (d(i, j + 1) - d(i, j - 1));
      const double distance = d(i, j) / std::max(std::hypot(gx, gy), 1e-12);
      const double coverage = std::min(1.0, 0.5 + distance);
      const auto color = mix(class_color(static_cast<int>(b), true),
                             class_color(static_cast<int>(a), true), coverage);
      put_pixel(rgba, static_cast<size_t>(size - 1 - j) * size + i, color);
    }
  }
  return rgba;
}

// A regression output over the plane through viridis, from its smallest to its largest value.
std::vector<uint8_t> value_picture(const std::vector<double>& values, int size) {
  std::vector<uint8_t> rgba(static_cast<size_t>(size) * size * 4);
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  const Colormap& viridis = find_colormap("viridis");
  for (int j = 0; j < size; ++j) {
    for (int i = 0; i < size; ++i) {
      const double value = values[static_cast<size_t>(j) * size + i];
      const Rgb color = viridis.sample((value - *low) / std::max(*high - *low, 1e-12));
      const auto byte = [](double channel) {
        return static_cast<uint8_t>(std::lround(channel * 255));
      };
      put_pixel(rgba, static_cast<size_t>(size - 1 - j) * size + i,
                {byte(color.r), byte(color.g), byte(color.b)});
    }
  }
  return rgba;
}

}  // namespace

std::vector<int> parse_hidden_widths(const std::string& text) {
  std::vector<int> widths;
  std::stringstream stream(text);
  std::string entry;
  while (std::getline(stream, entry, ',')) {
    if (entry.find_first_not_of(' ') == std::string::npos) continue;
    size_t used = 0;
    int width = 0;
    try {
      width = std::stoi(entry, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || width < 1 || width > 4096) {
      throw InputError("hidden widths: '" + entry + "' is not a width in 1..4096");
    }
    widths.push_back(width);
  }
  return widths;
}

std::unique_ptr<Schedule> copy_schedule(const Schedule* schedule) {
  if (!schedule) return nullptr;
  std::unique_ptr<Schedule> copy = make_schedule(schedule->name());
  copy->hyperparameters() = schedule->hyperparameters();
  return copy;
}

ModelSpec network_model_spec(const Dataset& data, const NetworkConfig& config) {
  ModelSpec spec;
  int in = data.features();
  for (const int width : config.hidden) {
    spec.layers.push_back({LayerType::Linear, in, width});
    spec.layers.push_back({config.activation, 0, 0});
    in = width;
  }
  const bool classification = data.is_classification();
  spec.layers.push_back({LayerType::Linear, in, classification ? data.classes : 1});
  spec.loss = classification && !config.mse ? LossType::CrossEntropy : LossType::Mse;
  return spec;
}

std::array<uint8_t, 3> class_color(int index, bool region) {
  static constexpr uint8_t palette[][3] = {{0, 114, 178},   {230, 159, 0},  {0, 158, 115},
                                           {204, 121, 167}, {86, 180, 233}, {213, 94, 0}};
  const auto& rgb = palette[static_cast<size_t>(index) % std::size(palette)];
  const int percent = region ? 40 : 100;
  std::array<uint8_t, 3> color{};
  for (size_t c = 0; c < 3; ++c) color[c] = static_cast<uint8_t>(rgb[c] * percent / 100);
  return color;
}

RegionFrame region_frame(const Dataset& data) {
  RegionFrame frame;
  if (data.size() == 0) return frame;
  frame.features = data.features();
  frame.classification = data.is_classification();
  padded_bounds(data, 0, frame.x_min, frame.width);
  if (frame.features == 2) padded_bounds(data, 1, frame.y_min, frame.height);
  return frame;
}

DecisionRegions decision_regions(const Mlp& mlp, const Vec& parameters, const RegionFrame& frame,
                                 int size) {
  DecisionRegions regions;
  if (frame.features < 1 || frame.features > 2) return regions;
  regions.size = size;
  regions.x_min = frame.x_min;
  regions.width = frame.width;
  regions.y_min = frame.y_min;
  regions.height = frame.height;
  const bool plane = frame.features == 2;
  const Eigen::Index cells = static_cast<Eigen::Index>(size) * (plane ? size : 1);
  Mat inputs(frame.features, cells);
  for (Eigen::Index k = 0; k < cells; ++k) {
    inputs(0, k) = frame.x_min + (static_cast<double>(k % size) + 0.5) * frame.width / size;
    if (plane)
      inputs(1, k) = frame.y_min + (static_cast<double>(k / size) + 0.5) * frame.height / size;
  }
  Mat outputs;
  for (Eigen::Index first = 0; first < cells; first += k_region_chunk) {
    const Eigen::Index count = std::min<Eigen::Index>(k_region_chunk, cells - first);
    const Mat part = mlp.forward(parameters, inputs.middleCols(first, count));
    if (outputs.size() == 0) outputs.resize(part.rows(), cells);
    outputs.middleCols(first, count) = part;
  }
  regions.values.resize(static_cast<size_t>(cells));
  for (Eigen::Index k = 0; k < cells; ++k) {
    Eigen::Index best = 0;
    if (frame.classification) outputs.col(k).maxCoeff(&best);
    regions.values[static_cast<size_t>(k)] =
        frame.classification ? static_cast<double>(best) : outputs(0, k);
  }
  if (plane) {
    regions.rgba = frame.classification && outputs.rows() > 1 ? class_picture(outputs, size)
                                                              : value_picture(regions.values, size);
  }
  return regions;
}

NetworkSession::NetworkSession() : region_worker_([this] { region_loop(); }) {}

NetworkSession::~NetworkSession() {
  cancel();
  join();
  {
    const std::lock_guard lock(region_mutex_);
    region_stop_ = true;
  }
  region_wake_.notify_all();
  region_worker_.join();
}

void NetworkSession::join() {
  if (worker_.joinable()) worker_.join();
}

void NetworkSession::cancel() {
  cancel_ = true;
}

void NetworkSession::wait() {
  join();
  wait_for_regions();
}

void NetworkSession::wait_for_regions() {
  std::unique_lock lock(region_mutex_);
  region_idle_.wait(lock, [this] { return !region_pending_ && !region_busy_; });
}

void NetworkSession::set_region_size(int pixels) {
  const int size = std::clamp(pixels, 16, k_max_region_size);
  {
    const std::lock_guard lock(region_mutex_);
    if (size == region_size_) return;
    region_size_ = size;
    if (!region_last_ || region_pending_) return;  // a waiting job takes the new size anyway
    region_pending_ = region_last_;
  }
  region_wake_.notify_all();
}

void NetworkSession::post_regions(RegionJob job) {
  {
    const std::lock_guard lock(region_mutex_);
    region_last_ = job;
    region_pending_ = std::move(job);
  }
  region_wake_.notify_all();
}

void NetworkSession::region_loop() {
  std::unique_lock lock(region_mutex_);
  while (true) {
    region_wake_.wait(lock, [this] { return region_stop_ || region_pending_.has_value(); });
    if (region_stop_) return;
    const RegionJob job = std::move(*region_pending_);
    region_pending_.reset();
    const int size = region_size_;
    region_busy_ = true;
    lock.unlock();
    DecisionRegions regions = decision_regions(*job.mlp, job.parameters, job.frame, size);
    {
      const std::lock_guard snapshot_lock(mutex_);
      snapshot_.regions = std::move(regions);
      ++snapshot_.regions_version;
    }
    lock.lock();
    region_busy_ = false;
    region_idle_.notify_all();
  }
}

void NetworkSession::start_training(const NetworkConfig& config) {
  cancel();
  join();
  DatasetSplit split =
      split_dataset(load_dataset(config.data), config.validation_fraction, config.seed);
  if (config.epochs < 1) throw InputError("epochs must be at least 1");
  if (config.batch_size < 0) throw InputError("batch size must be >= 0");
  if (config.sharpness_every < 0) throw InputError("sharpness interval must be >= 0");
  if (!(config.learning_rate > 0.0)) throw InputError("learning rate must be > 0");
  if (!(config.dropout >= 0.0 && config.dropout < 1.0))
    throw InputError("dropout must be in [0, 1)");
  if (!(config.weight_decay >= 0.0)) throw InputError("weight decay must be >= 0");
  if (config.patience < 0) throw InputError("patience must be >= 0");
  if (config.patience > 0 && split.validation.size() == 0)
    throw InputError("early stopping needs a validation fraction above 0");
  if (!(config.clip_norm >= 0.0)) throw InputError("clip norm must be >= 0");
  std::shared_ptr<const Schedule> schedule = copy_schedule(config.schedule.get());
  if (schedule) schedule->validate();
  auto mlp = std::make_unique<Mlp>(network_model_spec(split.train, config));
  std::shared_ptr<Optimizer> optimizer = make_optimizer(config.optimizer);
  if (optimizer->hyperparameters().has("lr"))
    optimizer->hyperparameters().set("lr", config.learning_rate);
  if (config.weight_decay_mode == WeightDecayMode::Decoupled && config.weight_decay > 0.0 &&
      !optimizer->hyperparameters().has("weight_decay")) {
    throw InputError("decoupled weight decay: optimizer '" + config.optimizer +
                     "' has no weight_decay (use L2 in the loss)");
  }
  data_ = std::move(split.train);
  validation_ = std::move(split.validation);
  mlp_ = std::move(mlp);
  region_frame_ = region_frame(data_);
  std::mt19937_64 generator(config.seed);
  parameters_ = mlp_->initial_parameters(generator);
  initial_parameters_ = parameters_;
  checkpoints_.clear();
  {
    const std::lock_guard lock(mutex_);
    snapshot_.history.clear();  // the last surface stays on show (its version keeps counting)
    snapshot_.sharpness.clear();
    snapshot_.progress = 0.0;
  }
  learning_rate_ = config.learning_rate;
  publish_parameters(parameters_);
  start_task("training",
             [this, config, optimizer, schedule] { train(config, *optimizer, schedule.get()); });
}

// Runs `work` on the worker; an exception ends the task with its message.
void NetworkSession::start_task(const std::string& task, std::function<void()> work) {
  {
    const std::lock_guard lock(mutex_);
    snapshot_.task = task;
    snapshot_.progress = 0.0;
    snapshot_.message.clear();
  }
  cancel_ = false;
  busy_ = true;
  worker_ = std::thread([this, task, work = std::move(work)] {
    try {
      work();
    } catch (const std::exception& error) {
      finish(task + " failed: " + error.what());
    }
  });
}

void NetworkSession::train(const NetworkConfig& config, Optimizer& optimizer,
                           const Schedule* schedule) {
  TrainSettings settings;
  settings.epochs = config.epochs;
  settings.batch_size = config.batch_size;
  settings.seed = config.seed;
  settings.schedule_step = config.schedule_step;
  settings.weight_decay = config.weight_decay;
  settings.weight_decay_mode = config.weight_decay_mode;
  settings.dropout = config.dropout;
  settings.patience = config.patience;
  settings.clip_norm = config.clip_norm;
  const int batch = config.batch_size == 0 ? data_.size() : config.batch_size;
  settings.checkpoint_every = (data_.size() + batch - 1) / batch;  // once per epoch
  settings.cancel = &cancel_;
  settings.live_learning_rate = &learning_rate_;
  settings.sharpness_every = config.sharpness_every;
  settings.on_sharpness = [&](const SharpnessRecord& record) {
    const std::lock_guard lock(mutex_);
    snapshot_.sharpness.push_back(record);
  };
  settings.on_epoch = [&](const EpochRecord& record) {
    const std::lock_guard lock(mutex_);
    snapshot_.history.push_back(record);
    snapshot_.progress = static_cast<double>(record.epoch) / config.epochs;
  };
  settings.on_epoch_parameters = [&](const Vec& parameters) { publish_parameters(parameters); };
  TrainResult result =
      train_network(*mlp_, data_, validation_, optimizer, schedule, parameters_, settings);
  parameters_ = result.parameters;
  for (Checkpoint& checkpoint : result.checkpoints)
    checkpoints_.push_back(std::move(checkpoint.parameters));
  publish_parameters(parameters_);
  finish(std::string("training ") + train_status_name(result.status) +
         (result.reason.empty() ? "" : ": " + result.reason));
}

void NetworkSession::publish_parameters(const Vec& parameters) {
  post_regions({mlp_, parameters, region_frame_});
  const std::lock_guard lock(mutex_);
  ++snapshot_.parameters_version;
}

void NetworkSession::finish(const std::string& message) {
  {
    const std::lock_guard lock(mutex_);
    snapshot_.task.clear();
    snapshot_.message = message;
  }
  busy_ = false;
}

void NetworkSession::start_landscape(const LandscapeConfig& config) {
  cancel();
  join();
  if (!mlp_) throw InputError("no model: train one or load weights first");
  if (config.plane == LandscapePlane::Pca && checkpoints_.size() < 3) {
    throw InputError("the PCA plane needs a training path of at least 3 epochs");
  }
  if (config.resolution < 3 || config.resolution > 401)
    throw InputError("resolution must be in 3..401");
  if (!(config.range > 0) || !std::isfinite(config.range))
    throw InputError("range must be a positive number");
  Vec file_dx, file_dy;
  if (config.plane == LandscapePlane::Files) {  // read here: a bad file is rejected at once
    file_dx = load_parameters(*mlp_, config.direction_x_path);
    file_dy = load_parameters(*mlp_, config.direction_y_path);
  }
  {
    const std::lock_guard lock(mutex_);
    snapshot_.surface_pca = config.plane == LandscapePlane::Pca;
    snapshot_.surface_plane = config.plane;
    snapshot_.explained_x = snapshot_.explained_y = 0.0;
    snapshot_.direction_x_file = std::filesystem::path(config.direction_x_path).filename().string();
    snapshot_.direction_y_file = std::filesystem::path(config.direction_y_path).filename().string();
    snapshot_.hessian_eigenvalues.clear();
    snapshot_.path_x.clear();
    snapshot_.path_y.clear();
    snapshot_.path_loss.clear();
  }
  start_task("landscape", [this, config, file_dx = std::move(file_dx),
                           file_dy = std::move(file_dy)] { landscape(config, file_dx, file_dy); });
}

void NetworkSession::landscape(const LandscapeConfig& config, const Vec& file_dx,
                               const Vec& file_dy) {
  Vec dx = file_dx, dy = file_dy;
  double x_min = -config.range, x_max = config.range;
  double y_min = -config.range, y_max = config.range;
  if (config.plane == LandscapePlane::Pca) {
    const PcaDirections directions = pca_directions(checkpoints_, parameters_);
    dx = directions.dx;
    dy = directions.dy;
    const ProjectedTrajectory path =
        project_trajectory(*mlp_, data_, checkpoints_, parameters_, directions);
    // A square around the path's bounding box with a quarter of its extent as margin: the first
    // component usually dominates, and equal axes keep the picture readable in the 2D view.
    const auto [px_min, px_max] = std::minmax_element(path.x.begin(), path.x.end());
    const auto [py_min, py_max] = std::minmax_element(path.y.begin(), path.y.end());
    const double half = 0.5 * 1.5 * std::max({*px_max - *px_min, *py_max - *py_min, 1e-3});
    const double center_x = 0.5 * (*px_min + *px_max), center_y = 0.5 * (*py_min + *py_max);
    x_min = center_x - half;
    x_max = center_x + half;
    y_min = center_y - half;
    y_max = center_y + half;
    const std::lock_guard lock(mutex_);
    snapshot_.path_x = path.x;
    snapshot_.path_y = path.y;
    snapshot_.path_loss = path.plane_loss;
    snapshot_.explained_x = directions.explained_x;
    snapshot_.explained_y = directions.explained_y;
  } else if (config.plane == LandscapePlane::Random) {
    std::mt19937_64 generator(config.seed);
    dx = random_direction(*mlp_, parameters_, DirectionSettings{}, generator);
    dy = random_direction(*mlp_, parameters_, DirectionSettings{}, generator);
  } else if (config.plane == LandscapePlane::Hessian) {
    const HessianDirections directions = hessian_directions(*mlp_, data_, parameters_);
    if (directions.status != EigenStatus::Converged) {
      finish(std::string("Hessian directions: Lanczos ") + eigen_status_name(directions.status));
      return;
    }
    dx = directions.dx;
    dy = directions.dy;
    const std::lock_guard lock(mutex_);
    snapshot_.hessian_eigenvalues = {directions.lambda_x, directions.lambda_y};
  }
  SurfaceOptions options;
  options.cancel = &cancel_;
  options.on_progress = [this](const SurfaceProgress& progress) {
    const std::lock_guard lock(mutex_);
    snapshot_.progress =
        static_cast<double>(progress.points_done) / std::max(1L, progress.points_total);
  };
  options.on_level = [this](const Surface& surface) {
    const std::lock_guard lock(mutex_);
    snapshot_.surface = surface;
    snapshot_.surface_file.clear();
    ++snapshot_.surface_version;
  };
  const SurfaceResult result = evaluate_surface(
      *mlp_, data_, parameters_, dx, dy, linear_coordinates(x_min, x_max, config.resolution),
      linear_coordinates(y_min, y_max, config.resolution), options);
  {
    const std::lock_guard lock(mutex_);
    snapshot_.surface = result.surface;
    ++snapshot_.surface_version;
  }
  finish(result.status == SurfaceStatus::Complete ? "landscape complete" : "landscape cancelled");
}

void NetworkSession::start_curvature(const CurvatureConfig& config) {
  cancel();
  join();
  if (!mlp_) throw InputError("no model: train one or load weights first");
  if (config.validation_set && validation_.size() == 0)
    throw InputError("no validation set: train with a validation fraction above 0");
  if (config.top_k < 1 || config.top_k > 20) throw InputError("top-k must be in 1..20");
  if (config.subsamples < 0 || config.subsamples > 64) throw InputError("subsets must be in 0..64");
  if (config.probes < 6 || config.probes > 10000) throw InputError("probes must be in 6..10000");
  if (config.sharpness && (!(config.epsilon > 0.0) || !(config.sam_rho > 0.0)))
    throw InputError("epsilon and rho must be > 0");
  if (config.dense_check && mlp_->parameter_count() > k_dense_check_parameter_limit) {
    throw InputError("the dense check needs at most " +
                     std::to_string(k_dense_check_parameter_limit) + " parameters, the model has " +
                     std::to_string(mlp_->parameter_count()));
  }
  start_task("curvature", [this, config] { curvature(config); });
}

// Stage by stage, publishing what is done so far; cancel is honoured between stages.
void NetworkSession::curvature(const CurvatureConfig& config) {
  const Dataset& data = config.validation_set ? validation_ : data_;
  const NetworkObjective objective(*mlp_, data);
  const Vec& x = parameters_;
  CurvatureResult result;
  result.set = config.validation_set ? "validation" : "train";
  const int stages =
      1 + config.trace + config.density + config.per_layer + config.sharpness + config.dense_check;
  int done = 0;
  const auto publish = [&] {
    ++done;
    const std::lock_guard lock(mutex_);
    snapshot_.curvature = result;
    snapshot_.progress = static_cast<double>(done) / stages;
  };
  const auto wanted = [&](bool part) { return part && !cancel_.load(); };
  result.top = top_hessian_eigenvalues(objective, x, config.top_k);
  // The eigenvectors (parameters × k) are not shown and the frame copies the snapshot every
  // frame: keep the top one here, for warm starts, and publish the values only.
  const Vec top_vector = result.top.vectors.cols() > 0 ? Vec(result.top.vectors.col(0)) : Vec();
  result.top.vectors.resize(0, 0);
  result.valid = true;
  publish();
  if (wanted(config.trace)) {
    result.trace = config.hutchpp ? hutchpp_trace(objective, x, config.probes, config.seed)
                                  : hutchinson_trace(objective, x, config.probes, config.seed);
    result.trace_method = config.hutchpp ? "Hutch++" : "Hutchinson";
    result.has_trace = true;
    publish();
  }
  if (wanted(config.density)) {
    DensitySettings settings;
    settings.seed = config.seed;
    result.density = spectral_density(objective, x, settings);
    result.has_density = true;
    publish();
  }
  if (wanted(config.per_layer)) {
    BlockCurvatureSettings settings;
    settings.trace_probes = config.probes;
    settings.seed = config.seed;
    result.layers = block_curvature(objective, x, parameter_blocks(*mlp_), settings);
    publish();
  }
  if (wanted(config.sharpness)) {
    EpsilonSharpnessSettings settings;
    settings.epsilon = config.epsilon;
    settings.seed = config.seed;
    result.epsilon = epsilon_sharpness(objective, x, settings);
    result.sam = sam_sharpness(objective, x, config.sam_rho);
    result.epsilon_setting = config.epsilon;
    result.sam_rho = config.sam_rho;
    result.has_sharpness = true;
    publish();
  }
  if (wanted(config.subsamples > 0)) {
    // λmax varies between batches (users of PyHessian report 10×): measure it on disjoint
    // random subsets of the set, to show how much a mini-batch estimate can be trusted.
    std::vector<int> order(static_cast<size_t>(data.size()));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 generator(config.seed);
    std::shuffle(order.begin(), order.end(), generator);
    const int size = data.size() / config.subsamples;
    result.subsample_size = size;
    for (int k = 0; size > 0 && k < config.subsamples; ++k) {
      const Dataset subset =
          data.subset(std::vector<int>(order.begin() + k * size, order.begin() + (k + 1) * size));
      const NetworkObjective part(*mlp_, subset);
      LargestEigenSettings settings;
      settings.max_steps = 40;
      result.subsample_lambda_max.push_back(
          largest_hessian_eigenvalue(part, x, top_vector, settings).value);
    }
    publish();
  }
  if (wanted(config.dense_check)) {
    const Mat hessian = objective.hessian(x);
    const Eigen::SelfAdjointEigenSolver<Mat> solver(hessian, Eigen::EigenvaluesOnly);
    const Eigen::Index k = std::min<Eigen::Index>(config.top_k, hessian.rows());
    result.dense_top = solver.eigenvalues().tail(k).reverse();
    result.dense_trace = hessian.trace();
    result.has_dense = true;
    publish();
  }
  finish(cancel_.load() ? "curvature cancelled"
                        : "curvature measured on the " + result.set + " set");
}

Vec NetworkSession::interpolation_end(WeightsSource source, const std::string& path) const {
  if (source == WeightsSource::File) return load_parameters(*mlp_, path);
  if (source == WeightsSource::Current) return parameters_;
  if (initial_parameters_.size() != mlp_->parameter_count())
    throw InputError("no initial weights: train the model first");
  return initial_parameters_;
}

void NetworkSession::start_interpolation(const InterpolationConfig& config) {
  cancel();
  join();
  if (!mlp_) throw InputError("no model: train one or load weights first");
  if (!(config.alpha_min < config.alpha_max) || !std::isfinite(config.alpha_min) ||
      !std::isfinite(config.alpha_max)) {
    throw InputError("interpolation range: the first alpha must be below the last");
  }
  if (config.resolution < 3 || config.resolution > 10001)
    throw InputError("interpolation resolution must be in 3..10001");
  if (config.bezier && config.bezier_epochs < 1)
    throw InputError("Bezier epochs must be at least 1");
  Vec from = interpolation_end(config.from, config.from_path);
  Vec to = interpolation_end(config.to, config.to_path);
  start_task("interpolation", [this, config, from = std::move(from), to = std::move(to)] {
    interpolate(config, from, to);
  });
}

// θ(α) = θ_A + α·(θ_B − θ_A) is evaluate_surface's 1D line with origin θ_A and direction
// θ_B − θ_A, once on the training set and once on the validation set.
void NetworkSession::interpolate(const InterpolationConfig& config, const Vec& from,
                                 const Vec& to) {
  const std::vector<double> alpha =
      linear_coordinates(config.alpha_min, config.alpha_max, config.resolution);
  const Vec direction = to - from;
  const std::vector<const Dataset*> sets = {&data_, &validation_};
  InterpolationCurve curve;
  curve.alpha = alpha;
  for (size_t set = 0; set < sets.size(); ++set) {
    if (sets[set]->size() == 0) continue;
    SurfaceOptions options;
    options.cancel = &cancel_;
    options.on_progress = [this, set](const SurfaceProgress& progress) {
      const std::lock_guard lock(mutex_);
      snapshot_.progress =
          0.5 * (static_cast<double>(set) +
                 static_cast<double>(progress.points_done) / std::max(1L, progress.points_total));
    };
    const SurfaceResult result =
        evaluate_surface(*mlp_, *sets[set], from, direction, Vec(), alpha, {}, options);
    if (result.status == SurfaceStatus::Cancelled) return finish("interpolation cancelled");
    const Mat& loss = result.surface.loss;
    const Mat& accuracy = result.surface.accuracy;
    (set == 0 ? curve.train_loss : curve.validation_loss)
        .assign(loss.data(), loss.data() + loss.size());
    (set == 0 ? curve.train_accuracy : curve.validation_accuracy)
        .assign(accuracy.data(), accuracy.data() + accuracy.size());
  }
  const bool bezier_diverged = config.bezier && !add_bezier_curve(config, from, to, curve);
  {
    const std::lock_guard lock(mutex_);
    snapshot_.interpolation = std::move(curve);
    ++snapshot_.interpolation_version;
  }
  finish(bezier_diverged ? "interpolation complete; the Bezier training diverged (its last "
                           "finite curve is shown)"
                         : "interpolation complete");
}

// Trains the bend with SGD (lr 0.05, momentum 0.9, batches of 32: the CLI's settings) and
// evaluates the training loss along t ∈ [0, 1] at the line's resolution. Returns false when the
// training diverged (the curve is then its last finite one).
bool NetworkSession::add_bezier_curve(const InterpolationConfig& config, const Vec& from,
                                      const Vec& to, InterpolationCurve& curve) const {
  std::unique_ptr<Optimizer> optimizer = make_optimizer("sgd");
  optimizer->hyperparameters().set("lr", 0.05);
  optimizer->hyperparameters().set("momentum", 0.9);
  BezierSettings settings;
  settings.epochs = config.bezier_epochs;
  settings.batch_size = 32;
  const BezierTraining training = train_bezier_curve(*mlp_, data_, from, to, *optimizer, settings);
  curve.bezier_t = linear_coordinates(0.0, 1.0, config.resolution);
  for (const Evaluation& evaluation :
       evaluate_along(*mlp_, data_, training.curve, curve.bezier_t)) {
    curve.bezier_loss.push_back(evaluation.loss);
    curve.bezier_accuracy.push_back(evaluation.accuracy);
  }
  return !training.diverged;
}

Surface read_surface_file(const std::string& path) {
  const SampledGrid grid = read_surface_h5(path);
  Surface surface;
  for (int i = 0; i < grid.nx; ++i) surface.x.push_back(grid.x(i));
  for (int j = 0; j < grid.ny; ++j) surface.y.push_back(grid.y(j));
  surface.loss.resize(grid.nx, grid.ny);
  for (int j = 0; j < grid.ny; ++j) {
    for (int i = 0; i < grid.nx; ++i) surface.loss(i, j) = grid.at(i, j);
  }
  surface.stride = 1;
  if (!surface.loss.array().isFinite().any()) {
    throw InputError(path + ": the surface has no finite loss value");
  }
  return surface;
}

void NetworkSession::open_surface(const std::string& path) {
  if (busy()) throw InputError("wait for the running task (or cancel it) before opening a file");
  Surface surface = read_surface_file(path);
  // A PCA surface written by lossviz-cli landscape --pca (or Save) carries its training path.
  std::vector<double> path_x = read_surface_h5_series(path, "trajectory_x");
  std::vector<double> path_y = read_surface_h5_series(path, "trajectory_y");
  std::vector<double> path_loss = read_surface_h5_series(path, "trajectory_plane_loss");
  const bool has_path = path_x.size() == path_y.size() && path_x.size() == path_loss.size();
  const std::lock_guard lock(mutex_);
  snapshot_.surface = std::move(surface);
  snapshot_.surface_file = path;
  snapshot_.surface_pca = has_path && !path_x.empty();
  snapshot_.path_x = has_path ? std::move(path_x) : std::vector<double>();
  snapshot_.path_y = has_path ? std::move(path_y) : std::vector<double>();
  snapshot_.path_loss = has_path ? std::move(path_loss) : std::vector<double>();
  ++snapshot_.surface_version;
  snapshot_.message = "opened " + path;
}

void NetworkSession::load_weights(const std::string& path) {
  if (busy()) throw InputError("wait for the running task (or cancel it) before loading weights");
  if (!mlp_) throw InputError("no model: build one (Train) before loading its weights");
  join();
  parameters_ = load_parameters(*mlp_, path);
  checkpoints_.clear();
  publish_parameters(parameters_);
  const std::lock_guard lock(mutex_);
  snapshot_.message = "loaded " + path;
}

void NetworkSession::save_surface(const std::string& path) const {
  SurfaceFile file;
  {
    const std::lock_guard lock(mutex_);
    const Surface& surface = snapshot_.surface;
    if (!surface.complete()) throw InputError("no complete landscape to save");
    file.x = surface.x;
    file.y = surface.y;
    file.loss = surface.loss;
    if (data_.is_classification()) file.accuracy = surface.accuracy;
    if (snapshot_.surface_pca) {
      file.extra_datasets = {{"trajectory_x", snapshot_.path_x},
                             {"trajectory_y", snapshot_.path_y},
                             {"trajectory_plane_loss", snapshot_.path_loss}};
    }
  }
  write_surface_hdf5(path, file);
}

NetworkSnapshot NetworkSession::snapshot() const {
  const std::lock_guard lock(mutex_);
  return snapshot_;
}

}  // namespace lv::app
