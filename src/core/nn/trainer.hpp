// Training an Mlp with any registered optimizer and schedule: seeded mini-batch shuffling, L2
// weight decay, dropout (training only), early stopping on the validation loss, and checkpoints
// every k steps (the trajectory that PCA directions are computed from).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "nn/dataset.hpp"
#include "nn/mlp.hpp"
#include "optim/optimizer.hpp"
#include "schedule/schedule.hpp"

namespace lv {

struct EpochRecord {
  int epoch = 0;                 // 1-based
  long step = 0;                 // updates made so far
  double train_loss = 0.0;       // full training set, no dropout, no weight decay
  double train_accuracy = 0.0;   // NaN for regression
  double validation_loss = 0.0;  // NaN without a validation set
  double validation_accuracy = 0.0;
};

struct Checkpoint {
  long step = 0;
  Vec parameters;
};

struct TrainSettings {
  int epochs = 10;            // passes over the training set (default: 10)
  int batch_size = 0;         // samples per update; 0 = the whole set (default: 0)
  uint64_t seed = 0;          // seeds shuffling and dropout (default: 0)
  double weight_decay = 0.0;  // L2 term (λ/2)‖w‖² added to every batch loss (default: 0)
  double dropout = 0.0;       // drop probability after each hidden activation (default: 0)
  int patience = 0;           // stop after this many epochs without a better validation
                              // loss, keeping the best parameters; 0 = off (default: 0)
  int checkpoint_every = 0;   // keep the parameters every k updates; 0 = off (default: 0)
  const std::atomic<bool>* cancel = nullptr;         // checked between updates
  std::function<void(const EpochRecord&)> on_epoch;  // called after each epoch
  // Called after each epoch with the current parameters (a live view of the model while it trains).
  std::function<void(const Vec&)> on_epoch_parameters;
};

enum class TrainStatus { Completed, EarlyStopped, Diverged, Cancelled };
const char* train_status_name(TrainStatus status);

struct TrainResult {
  Vec parameters;  // final (or, after early stopping, best-validation) parameters
  std::vector<EpochRecord> history;
  std::vector<Checkpoint> checkpoints;  // step 0, every checkpoint_every updates, and the last
  TrainStatus status = TrainStatus::Completed;
  std::string reason;
  long steps = 0;
};

// Throws InputError for inconsistent settings or data that does not fit the model.
TrainResult train_network(const Mlp& mlp, const Dataset& train, const Dataset& validation,
                          Optimizer& optimizer, const Schedule* schedule, const Vec& initial,
                          const TrainSettings& settings);

}  // namespace lv
