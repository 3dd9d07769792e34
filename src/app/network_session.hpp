// The Network panel's background work: trains a small MLP and evaluates its loss landscape on a
// worker thread, publishing snapshots (loss history, current weights, decision regions, the
// progressively refined surface) under a mutex so the frame loop never waits for the network.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "nn/dataset.hpp"
#include "nn/mlp.hpp"
#include "nn/surface_evaluator.hpp"
#include "nn/trainer.hpp"
#include "optim/optimizer.hpp"

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
};

struct LandscapeConfig {
  bool pca = false;  // PCA plane of the training path; otherwise two filter-normalized directions
  int resolution = 41;
  double range = 1.0;  // random directions: coordinates in [-range, range]
  uint64_t seed = 3;   // random directions' seed
};

// Model outputs on a grid over the data's bounding box (2-feature data only).
struct DecisionRegions {
  int size = 0;  // size × size cells, row j at y_min + (j + 0.5)·height/size
  double x_min = 0, y_min = 0, width = 1, height = 1;
  std::vector<double> values;  // the predicted class (classification) or the output (regression)
};

struct NetworkSnapshot {
  std::string task;  // "training", "landscape" or empty when idle
  double progress = 0.0;
  std::string message;  // how the last task ended, or its error
  std::vector<EpochRecord> history;
  long parameters_version = 0;  // bumped whenever the weights change
  DecisionRegions regions;
  long surface_version = 0;  // bumped whenever a (more refined) surface is published
  Surface surface;
  bool surface_pca = false;
  std::vector<double> path_x, path_y, path_loss;  // PCA: the projected training path
};

class NetworkSession {
 public:
  NetworkSession() = default;
  NetworkSession(const NetworkSession&) = delete;
  NetworkSession& operator=(const NetworkSession&) = delete;
  ~NetworkSession();

  // Builds the data and model on the calling thread (throws InputError for a bad data argument,
  // optimizer or width), then trains on the worker. Cancels and joins any running task first.
  void start_training(const NetworkConfig& config);
  // Evaluates the landscape around the current weights on the worker. Throws InputError when no
  // model exists or PCA is asked for without a training path.
  void start_landscape(const LandscapeConfig& config);
  void cancel();
  void wait();  // joins the worker (tests and headless modes)
  bool busy() const { return busy_.load(); }

  // Replaces the current weights with a safetensors file for the current model.
  void load_weights(const std::string& path);
  // Writes the last complete surface as loss-landscape HDF5 (throws InputError if none).
  void save_surface(const std::string& path) const;

  NetworkSnapshot snapshot() const;
  // The current weights; only meaningful while no task runs (the worker owns them meanwhile).
  const Vec& parameters() const { return parameters_; }
  const Mlp* model() const { return mlp_.get(); }
  const Dataset& data() const { return data_; }
  bool has_model() const { return mlp_ != nullptr; }

 private:
  void join();
  void publish_parameters(const Vec& parameters);
  void train(const NetworkConfig& config, Optimizer& optimizer);
  void landscape(const LandscapeConfig& config);
  void finish(const std::string& message);

  Dataset data_;  // changed only while no worker runs
  std::unique_ptr<Mlp> mlp_;
  Vec parameters_;                // worker-owned while busy
  std::vector<Vec> checkpoints_;  // the last training's path
  std::thread worker_;
  std::atomic<bool> cancel_{false}, busy_{false};
  mutable std::mutex mutex_;
  NetworkSnapshot snapshot_;  // guarded by mutex_
};

// Hidden widths as text ("16,16") and back; throws InputError naming the bad entry.
std::vector<int> parse_hidden_widths(const std::string& text);
ModelSpec network_model_spec(const Dataset& data, const NetworkConfig& config);
DecisionRegions decision_regions(const Mlp& mlp, const Vec& parameters, const Dataset& data,
                                 int size);

}  // namespace lv::app
