// Training an Mlp with any registered optimizer and schedule (stepped per update or per epoch):
// seeded mini-batch shuffling, weight decay (L2 in the loss or the optimizer's own, decoupled for
// AdamW), dropout (training only), gradient clipping by norm, early stopping on the validation
// loss that restores the best epoch's weights, checkpoints
// every k steps (the trajectory that PCA directions are computed from), and sharpness tracking:
// λmax of the full training loss every k updates, warm-started from the previous top
// eigenvector, beside the GD stability limit 2/lr (Cohen et al. 2021, edge of stability).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "curvature/sharpness.hpp"
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
  double learning_rate = 0.0;  // in force for the epoch's last update (schedule applied)
  // Early stopping: the epoch whose weights are kept so far (the lowest validation loss, the
  // first of equals); 0 without early stopping.
  int best_epoch = 0;
  // The epoch's last update, as every run logs them: ‖g‖ of its mini-batch gradient (after
  // clipping), ‖Δw‖, ‖w‖ after it, the effective lr ‖Δw‖/‖g‖ and the ratio ‖Δw‖/‖w‖.
  double gradient_norm = 0.0;
  double update_norm = 0.0;
  double parameter_norm = 0.0;
  double effective_learning_rate = 0.0;
  double update_ratio = 0.0;
};

struct Checkpoint {
  long step = 0;
  Vec parameters;
};

struct SharpnessRecord {
  long step = 0;            // updates made before the measurement
  double loss = 0.0;        // full training set, no dropout, no weight decay
  double lambda_max = 0.0;  // largest Hessian eigenvalue of that loss
  double residual = 0.0;    // its Ritz residual ‖Hv − λv‖
  bool converged = false;   // residual within the tolerance
  int hessian_vector_products = 0;
  double learning_rate = 0.0;  // in force at this step (schedule applied)
  double two_over_lr = 0.0;    // the GD stability limit 2/lr
  // Adaptive methods (Adam family) after their first step: λmax(P⁻¹H) with the optimizer's
  // current preconditioner P, and its threshold (2 + 2β1)/((1 − β1)·lr) (38/lr for β1 = 0.9,
  // Cohen et al. 2022). NaN otherwise.
  double preconditioned_lambda_max = std::numeric_limits<double>::quiet_NaN();
  double preconditioned_limit = std::numeric_limits<double>::quiet_NaN();
};

// When the schedule steps, as torch users call scheduler.step(): after every update (the
// schedule's t counts updates) or after every epoch (t counts finished epochs).
enum class ScheduleStep { Iteration, Epoch };
const char* schedule_step_name(ScheduleStep step);  // "iteration", "epoch"
// Throws InputError naming the text unless it is "iteration" or "epoch".
ScheduleStep parse_schedule_step(const std::string& text);

// How weight_decay λ acts (Loshchilov & Hutter 2019, "Decoupled weight decay regularization"):
//   L2Loss:    (λ/2)‖w‖² is added to every batch loss, so λw joins the gradient before the
//              optimizer sees it (an adaptive method then rescales it);
//   Decoupled: λ becomes the optimizer's own `weight_decay` hyperparameter, applied by its
//              update rule as in torch.optim: AdamW shrinks w ← w − lr·λ·w apart from the
//              gradient; SGD (and Adam) add λw to the gradient themselves.
enum class WeightDecayMode { L2Loss, Decoupled };
const char* weight_decay_mode_name(WeightDecayMode mode);  // "l2", "decoupled"
// Throws InputError naming the text unless it is "l2" or "decoupled".
WeightDecayMode parse_weight_decay_mode(const std::string& text);

struct TrainSettings {
  int epochs = 10;            // passes over the training set (default: 10)
  int batch_size = 0;         // samples per update; 0 = the whole set (default: 0)
  uint64_t seed = 0;          // seeds shuffling and dropout (default: 0)
  double weight_decay = 0.0;  // λ, acting as weight_decay_mode says (default: 0)
  WeightDecayMode weight_decay_mode = WeightDecayMode::L2Loss;  // (default: L2Loss)
  double dropout = 0.0;    // inverted-dropout probability after each hidden activation (default: 0)
  double clip_norm = 0.0;  // > 0: clip the batch gradient to this norm, as
                           // torch.nn.utils.clip_grad_norm_ (default: 0 = off)
  ScheduleStep schedule_step = ScheduleStep::Iteration;  // (default: Iteration)
  int patience = 0;  // stop after this many epochs without a better validation loss; with a
                     // validation set the best epoch's parameters are restored at the end,
                     // stopped early or not (Keras restore_best_weights); 0 = off (default: 0)
  int checkpoint_every = 0;  // keep the parameters every k updates; 0 = off (default: 0)
  int sharpness_every = 0;   // measure λmax every k updates and at update 0; 0 = off (default: 0)
  LargestEigenSettings sharpness;             // Lanczos budget and tolerance of each measurement
  const std::atomic<bool>* cancel = nullptr;  // checked between updates
  // When set, the base learning rate is read from here before every update (a slider dragged
  // while the network trains); otherwise the optimizer's own lr.
  const std::atomic<double>* live_learning_rate = nullptr;
  std::function<void(const EpochRecord&)> on_epoch;  // called after each epoch
  // Called after each epoch with the current parameters (a live view of the model while it trains).
  std::function<void(const Vec&)> on_epoch_parameters;
  std::function<void(const SharpnessRecord&)> on_sharpness;  // after each measurement
};

enum class TrainStatus { Completed, EarlyStopped, Diverged, Cancelled };
const char* train_status_name(TrainStatus status);

struct TrainResult {
  Vec parameters;  // final (or, with early stopping, the best epoch's) parameters
  std::vector<EpochRecord> history;
  std::vector<Checkpoint> checkpoints;     // step 0, every checkpoint_every updates, and the last
  std::vector<SharpnessRecord> sharpness;  // step 0 and every sharpness_every updates
  TrainStatus status = TrainStatus::Completed;
  std::string reason;
  long steps = 0;
  int best_epoch = 0;  // early stopping: the epoch whose parameters `parameters` are (0: off)
  double best_validation_loss = std::numeric_limits<double>::quiet_NaN();
};

// Throws InputError for inconsistent settings, data that does not fit the model, or decoupled
// weight decay with an optimizer that has no `weight_decay` (which it sets on `optimizer`).
TrainResult train_network(const Mlp& mlp, const Dataset& train, const Dataset& validation,
                          Optimizer& optimizer, const Schedule* schedule, const Vec& initial,
                          const TrainSettings& settings);

}  // namespace lv
