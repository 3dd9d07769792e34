#include "nn/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <optional>
#include <random>

#include "common/errors.hpp"
#include "nn/dropout.hpp"
#include "nn/network_objective.hpp"
#include "optim/oracle.hpp"
#include "run/gradient_clipping.hpp"

namespace lv {

namespace {

void check_settings(const TrainSettings& settings) {
  if (settings.epochs < 0) throw InputError("epochs must be >= 0");
  if (settings.batch_size < 0) throw InputError("batch size must be >= 0");
  if (!(settings.dropout >= 0.0 && settings.dropout < 1.0))
    throw InputError("dropout must be in [0, 1)");
  if (!(settings.weight_decay >= 0.0)) throw InputError("weight decay must be >= 0");
  if (settings.patience < 0) throw InputError("patience must be >= 0");
  if (!(settings.clip_norm >= 0.0)) throw InputError("clip norm must be >= 0");
  if (settings.checkpoint_every < 0) throw InputError("checkpoint interval must be >= 0");
  if (settings.sharpness_every < 0) throw InputError("sharpness interval must be >= 0");
}

EpochRecord evaluate_epoch(const Mlp& mlp, const Dataset& train, const Dataset& validation,
                           const Vec& parameters, int epoch, long step) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Evaluation on_train = mlp.evaluate(parameters, train.inputs, train.targets);
  EpochRecord record{epoch, step, on_train.loss, on_train.accuracy, nan, nan};
  if (validation.size() > 0) {
    const Evaluation on_validation =
        mlp.evaluate(parameters, validation.inputs, validation.targets);
    record.validation_loss = on_validation.loss;
    record.validation_accuracy = on_validation.accuracy;
  }
  return record;
}

// λmax of the full training loss at x, warm-started from the previous measurement's vector. The
// full-set objective exists only when tracking is on (it checks the data and splits the samples
// over the cores when built).
class SharpnessTracker {
 public:
  SharpnessTracker(const Mlp& mlp, const Dataset& train, const TrainSettings& settings)
      : settings_(settings) {
    if (settings.sharpness_every > 0) objective_.emplace(mlp, train);
  }

  bool due(long step) const {
    return settings_.sharpness_every > 0 && step % settings_.sharpness_every == 0;
  }

  SharpnessRecord measure(const Vec& x, long step, double learning_rate,
                          const Optimizer& optimizer) {
    SharpnessRecord record;
    record.step = step;
    const NetworkObjective& objective = *objective_;  // due() only with tracking on
    record.loss = objective.value(x);
    record.learning_rate = learning_rate;
    record.two_over_lr = 2.0 / learning_rate;
    if (x.allFinite() && std::isfinite(record.loss)) {
      const LargestEigen top =
          largest_hessian_eigenvalue(objective, x, previous_, settings_.sharpness);
      previous_ = top.vector;
      record.lambda_max = top.value;
      record.residual = top.residual;
      record.converged = top.converged;
      record.hessian_vector_products = top.hessian_vector_products;
      DiagonalPreconditioner preconditioner;
      if (optimizer.preconditioner(preconditioner) && preconditioner.diagonal.allFinite() &&
          (preconditioner.diagonal.array() > 0.0).all()) {
        const LargestEigen preconditioned = largest_preconditioned_eigenvalue(
            objective, x, preconditioner.diagonal, previous_preconditioned_, settings_.sharpness);
        previous_preconditioned_ = preconditioned.vector;
        record.preconditioned_lambda_max = preconditioned.value;
        record.preconditioned_limit =
            (2.0 + 2.0 * preconditioner.beta1) / ((1.0 - preconditioner.beta1) * learning_rate);
        record.hessian_vector_products += preconditioned.hessian_vector_products;
      }
    } else {
      record.lambda_max = std::numeric_limits<double>::quiet_NaN();
    }
    if (settings_.on_sharpness) settings_.on_sharpness(record);
    return record;
  }

 private:
  std::optional<NetworkObjective> objective_;
  const TrainSettings& settings_;
  Vec previous_, previous_preconditioned_;
};

// Decoupled decay hands λ to the optimizer's own weight_decay; returns the L2 coefficient that the
// loss keeps (λ for L2Loss, 0 for Decoupled).
double route_weight_decay(const TrainSettings& settings, Optimizer& optimizer) {
  if (settings.weight_decay_mode == WeightDecayMode::L2Loss) return settings.weight_decay;
  if (settings.weight_decay == 0.0) return 0.0;
  if (!optimizer.hyperparameters().has("weight_decay")) {
    throw InputError("decoupled weight decay: optimizer '" + optimizer.name() +
                     "' has no weight_decay (use L2 decay in the loss)");
  }
  optimizer.hyperparameters().set("weight_decay", settings.weight_decay);
  return 0.0;
}

}  // namespace

const char* schedule_step_name(ScheduleStep step) {
  return step == ScheduleStep::Epoch ? "epoch" : "iteration";
}

ScheduleStep parse_schedule_step(const std::string& text) {
  if (text == "iteration") return ScheduleStep::Iteration;
  if (text == "epoch") return ScheduleStep::Epoch;
  throw InputError("schedule step '" + text + "' must be iteration or epoch");
}

const char* weight_decay_mode_name(WeightDecayMode mode) {
  return mode == WeightDecayMode::Decoupled ? "decoupled" : "l2";
}

WeightDecayMode parse_weight_decay_mode(const std::string& text) {
  if (text == "l2") return WeightDecayMode::L2Loss;
  if (text == "decoupled") return WeightDecayMode::Decoupled;
  throw InputError("weight decay mode '" + text + "' must be l2 or decoupled");
}

const char* train_status_name(TrainStatus status) {
  switch (status) {
    case TrainStatus::Completed:
      return "completed";
    case TrainStatus::EarlyStopped:
      return "early_stopped";
    case TrainStatus::Diverged:
      return "diverged";
    case TrainStatus::Cancelled:
      return "cancelled";
  }
  return "?";
}

TrainResult train_network(const Mlp& mlp, const Dataset& train, const Dataset& validation,
                          Optimizer& optimizer, const Schedule* schedule, const Vec& initial,
                          const TrainSettings& settings) {
  check_settings(settings);
  if (initial.size() != mlp.parameter_count()) {
    throw InputError("initial parameters have " + std::to_string(initial.size()) +
                     " entries but the model has " + std::to_string(mlp.parameter_count()));
  }
  if (validation.size() > 0) check_model_fits_data(mlp, validation);
  if (schedule) schedule->validate();
  MiniBatchObjective batch_objective(mlp, train, route_weight_decay(settings, optimizer));
  Oracle oracle(batch_objective);
  optimizer.reset(initial);

  TrainResult result;
  result.parameters = initial;
  result.checkpoints.push_back({0, initial});
  Vec& x = result.parameters;
  Vec gradient(x.size());
  Vec best = x;
  double best_validation = std::numeric_limits<double>::infinity();
  int epochs_without_improvement = 0;
  const int batch_size =
      settings.batch_size == 0 ? train.size() : std::min(settings.batch_size, train.size());
  std::vector<int> order(static_cast<size_t>(train.size()));
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 generator(settings.seed);
  const double base_lr = optimizer.base_learning_rate();
  const bool early_stopping = settings.patience > 0 && validation.size() > 0;
  // The lr of the next update, after `steps` updates in epoch `epoch` (1-based).
  const auto learning_rate_at = [&](long steps, int epoch) {
    const double base = settings.live_learning_rate ? settings.live_learning_rate->load() : base_lr;
    const long t = settings.schedule_step == ScheduleStep::Epoch ? epoch - 1 : steps;
    return schedule ? schedule->learning_rate(static_cast<int>(t), base) : base;
  };
  double learning_rate = learning_rate_at(0, 1);
  SharpnessTracker sharpness(mlp, train, settings);
  if (sharpness.due(0))
    result.sharpness.push_back(sharpness.measure(x, 0, learning_rate, optimizer));

  Vec before_step;
  double last_gradient_norm = 0.0, last_update_norm = 0.0;
  for (int epoch = 1; epoch <= settings.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), generator);
    for (int first = 0; first < train.size(); first += batch_size) {
      if (settings.cancel && settings.cancel->load()) {
        result.status = TrainStatus::Cancelled;
        result.reason = "cancelled at step " + std::to_string(result.steps);
        return result;
      }
      const int last = std::min(first + batch_size, train.size());
      const std::vector<int> batch(order.begin() + first, order.begin() + last);
      batch_objective.select(batch, dropout_masks(mlp, last - first, settings.dropout, generator));
      const double value = batch_objective.value_gradient(x, gradient);
      if (!std::isfinite(value) || !gradient.allFinite()) {
        result.status = TrainStatus::Diverged;
        result.reason = "non-finite loss or gradient at step " + std::to_string(result.steps);
        return result;
      }
      clip_gradient(gradient, ClipSettings{settings.clip_norm, 0.0});
      learning_rate = learning_rate_at(result.steps, epoch);
      before_step = x;
      optimizer.step(StepContext{gradient, value, learning_rate, oracle}, x);
      last_gradient_norm = gradient.norm();
      last_update_norm = (x - before_step).norm();
      ++result.steps;
      if (sharpness.due(result.steps)) {
        result.sharpness.push_back(
            sharpness.measure(x, result.steps, learning_rate_at(result.steps, epoch), optimizer));
      }
      if (settings.checkpoint_every > 0 && result.steps % settings.checkpoint_every == 0) {
        result.checkpoints.push_back({result.steps, x});
      }
    }
    EpochRecord record = evaluate_epoch(mlp, train, validation, x, epoch, result.steps);
    record.learning_rate = learning_rate;
    record.gradient_norm = last_gradient_norm;
    record.update_norm = last_update_norm;
    record.parameter_norm = x.norm();
    record.effective_learning_rate =
        last_gradient_norm > 0.0 ? last_update_norm / last_gradient_norm : 0.0;
    record.update_ratio =
        record.parameter_norm > 0.0 ? last_update_norm / record.parameter_norm : 0.0;
    const bool improved = early_stopping && record.validation_loss < best_validation;
    if (improved) {
      best_validation = record.validation_loss;
      best = x;
      result.best_epoch = epoch;
      epochs_without_improvement = 0;
    }
    record.best_epoch = result.best_epoch;
    result.history.push_back(record);
    if (settings.on_epoch) settings.on_epoch(record);
    if (settings.on_epoch_parameters) settings.on_epoch_parameters(x);
    if (!std::isfinite(record.train_loss) || !x.allFinite()) {
      result.status = TrainStatus::Diverged;
      result.reason = "non-finite training loss after epoch " + std::to_string(epoch);
      return result;
    }
    if (early_stopping && !improved && ++epochs_without_improvement >= settings.patience) {
      result.status = TrainStatus::EarlyStopped;
      result.reason =
          "no better validation loss for " + std::to_string(settings.patience) + " epochs";
      break;
    }
  }
  // Keras's restore_best_weights: the kept epoch's weights, whether training stopped early or ran
  // all its epochs.
  if (early_stopping && result.best_epoch > 0) {
    x = best;
    result.best_validation_loss = best_validation;
    char kept[96];
    std::snprintf(kept, sizeof kept, "kept epoch %d (validation loss %.6g)", result.best_epoch,
                  best_validation);
    result.reason += (result.reason.empty() ? "" : "; ") + std::string(kept);
  }
  if (result.checkpoints.back().step != result.steps)
    result.checkpoints.push_back({result.steps, x});
  return result;
}

}  // namespace lv
