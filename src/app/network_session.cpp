#include "network_session.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

#include "common/errors.hpp"
#include "io/surface_file.hpp"
#include "nn/directions.hpp"
#include "nn/network_weights.hpp"
#include "nn/pca_directions.hpp"
#include "optim/registry.hpp"

namespace lv::app {
namespace {

constexpr int k_region_cells = 48;  // decision-region grid per side: one forward pass of 2304

// The data's bounding box, padded by 10% per side so regions show beyond the outermost points.
void padded_bounds(const Dataset& data, int feature, double& low, double& width) {
  const double min = data.inputs.row(feature).minCoeff();
  const double max = data.inputs.row(feature).maxCoeff();
  const double span = std::max(max - min, 1e-6);
  low = min - 0.1 * span;
  width = 1.2 * span;
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
  spec.loss = classification ? LossType::CrossEntropy : LossType::Mse;
  return spec;
}

DecisionRegions decision_regions(const Mlp& mlp, const Vec& parameters, const Dataset& data,
                                 int size) {
  DecisionRegions regions;
  if (data.size() == 0 || data.features() > 2) return regions;
  regions.size = size;
  padded_bounds(data, 0, regions.x_min, regions.width);
  const bool plane = data.features() == 2;
  if (plane) padded_bounds(data, 1, regions.y_min, regions.height);
  const int rows = plane ? size : 1;
  Mat inputs(data.features(), size * rows);
  for (int j = 0; j < rows; ++j) {
    for (int i = 0; i < size; ++i) {
      inputs(0, j * size + i) = regions.x_min + (i + 0.5) * regions.width / size;
      if (plane) inputs(1, j * size + i) = regions.y_min + (j + 0.5) * regions.height / size;
    }
  }
  const Mat outputs = mlp.forward(parameters, inputs);
  regions.values.resize(static_cast<size_t>(outputs.cols()));
  for (Eigen::Index k = 0; k < outputs.cols(); ++k) {
    Eigen::Index best = 0;
    if (data.is_classification()) outputs.col(k).maxCoeff(&best);
    regions.values[static_cast<size_t>(k)] =
        data.is_classification() ? static_cast<double>(best) : outputs(0, k);
  }
  return regions;
}

NetworkSession::~NetworkSession() {
  cancel();
  join();
}

void NetworkSession::join() {
  if (worker_.joinable()) worker_.join();
}

void NetworkSession::cancel() {
  cancel_ = true;
}

void NetworkSession::wait() {
  join();
}

void NetworkSession::start_training(const NetworkConfig& config) {
  cancel();
  join();
  Dataset data = load_dataset(config.data);
  if (config.epochs < 1) throw InputError("epochs must be at least 1");
  if (config.batch_size < 0) throw InputError("batch size must be >= 0");
  auto mlp = std::make_unique<Mlp>(network_model_spec(data, config));
  std::unique_ptr<Optimizer> optimizer = make_optimizer(config.optimizer);
  if (optimizer->hyperparameters().has("lr"))
    optimizer->hyperparameters().set("lr", config.learning_rate);
  data_ = std::move(data);
  mlp_ = std::move(mlp);
  std::mt19937_64 generator(config.seed);
  parameters_ = mlp_->initial_parameters(generator);
  checkpoints_.clear();
  {
    const std::lock_guard lock(mutex_);
    snapshot_.history.clear();  // the last surface stays on show (its version keeps counting)
    snapshot_.message.clear();
    snapshot_.progress = 0.0;
    snapshot_.task = "training";
  }
  publish_parameters(parameters_);
  cancel_ = false;
  busy_ = true;
  worker_ = std::thread([this, config, shared = std::shared_ptr<Optimizer>(std::move(optimizer))] {
    try {
      train(config, *shared);
    } catch (const std::exception& error) {
      finish(std::string("training failed: ") + error.what());
    }
  });
}

void NetworkSession::train(const NetworkConfig& config, Optimizer& optimizer) {
  TrainSettings settings;
  settings.epochs = config.epochs;
  settings.batch_size = config.batch_size;
  settings.seed = config.seed;
  const int batch = config.batch_size == 0 ? data_.size() : config.batch_size;
  settings.checkpoint_every = (data_.size() + batch - 1) / batch;  // once per epoch
  settings.cancel = &cancel_;
  settings.on_epoch = [&](const EpochRecord& record) {
    const std::lock_guard lock(mutex_);
    snapshot_.history.push_back(record);
    snapshot_.progress = static_cast<double>(record.epoch) / config.epochs;
  };
  settings.on_epoch_parameters = [&](const Vec& parameters) { publish_parameters(parameters); };
  TrainResult result =
      train_network(*mlp_, data_, Dataset{}, optimizer, nullptr, parameters_, settings);
  parameters_ = result.parameters;
  for (Checkpoint& checkpoint : result.checkpoints)
    checkpoints_.push_back(std::move(checkpoint.parameters));
  publish_parameters(parameters_);
  finish(std::string("training ") + train_status_name(result.status) +
         (result.reason.empty() ? "" : ": " + result.reason));
}

void NetworkSession::publish_parameters(const Vec& parameters) {
  DecisionRegions regions = decision_regions(*mlp_, parameters, data_, k_region_cells);
  const std::lock_guard lock(mutex_);
  snapshot_.regions = std::move(regions);
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
  if (config.pca && checkpoints_.size() < 3) {
    throw InputError("the PCA plane needs a training path of at least 3 epochs");
  }
  if (config.resolution < 3 || config.resolution > 401)
    throw InputError("resolution must be in 3..401");
  {
    const std::lock_guard lock(mutex_);
    snapshot_.task = "landscape";
    snapshot_.progress = 0.0;
    snapshot_.surface_pca = config.pca;
    snapshot_.path_x.clear();
    snapshot_.path_y.clear();
    snapshot_.path_loss.clear();
  }
  cancel_ = false;
  busy_ = true;
  worker_ = std::thread([this, config] {
    try {
      landscape(config);
    } catch (const std::exception& error) {
      finish(std::string("landscape failed: ") + error.what());
    }
  });
}

void NetworkSession::landscape(const LandscapeConfig& config) {
  Vec dx, dy;
  double x_min = -config.range, x_max = config.range;
  double y_min = -config.range, y_max = config.range;
  if (config.pca) {
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
  } else {
    std::mt19937_64 generator(config.seed);
    dx = random_direction(*mlp_, parameters_, DirectionSettings{}, generator);
    dy = random_direction(*mlp_, parameters_, DirectionSettings{}, generator);
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
