#include "nn/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <random>

#include "common/errors.hpp"
#include "nn/network_objective.hpp"
#include "optim/oracle.hpp"

namespace lv {

namespace {

void check_settings(const TrainSettings& settings) {
  if (settings.epochs < 0) throw InputError("epochs must be >= 0");
  if (settings.batch_size < 0) throw InputError("batch size must be >= 0");
  if (!(settings.dropout >= 0.0 && settings.dropout < 1.0))
    throw InputError("dropout must be in [0, 1)");
  if (!(settings.weight_decay >= 0.0)) throw InputError("weight decay must be >= 0");
  if (settings.patience < 0) throw InputError("patience must be >= 0");
  if (settings.checkpoint_every < 0) throw InputError("checkpoint interval must be >= 0");
  if (settings.sharpness_every < 0) throw InputError("sharpness interval must be >= 0");
}

// Inverted dropout (torch.nn.Dropout): keep each hidden activation with probability 1 − p and
// scale it by 1/(1 − p), so no rescaling is needed at evaluation time.
DropoutMasks dropout_masks(const Mlp& mlp, int batch, double probability,
                           std::mt19937_64& generator) {
  const std::vector<LayerSpec>& layers = mlp.spec().layers;
  DropoutMasks masks(layers.size());
  if (probability == 0.0) return masks;
  const int last_linear = mlp.linear_blocks().back().layer_index;
  std::bernoulli_distribution keep(1.0 - probability);
  int width = mlp.spec().input_size();
  for (int i = 0; i < static_cast<int>(layers.size()); ++i) {
    if (layers[i].type == LayerType::Linear) {
      width = layers[i].out;
      continue;
    }
    if (i > last_linear) continue;
    masks[i] = Mat(width, batch);
    for (Eigen::Index k = 0; k < masks[i].size(); ++k) {
      masks[i](k) = keep(generator) ? 1.0 / (1.0 - probability) : 0.0;
    }
  }
  return masks;
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

}  // namespace

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
  MiniBatchObjective batch_objective(mlp, train, settings.weight_decay);
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
  const auto learning_rate_at = [&](long step) {
    const double base = settings.live_learning_rate ? settings.live_learning_rate->load() : base_lr;
    return schedule ? schedule->learning_rate(static_cast<int>(step), base) : base;
  };
  SharpnessTracker sharpness(mlp, train, settings);
  if (sharpness.due(0))
    result.sharpness.push_back(sharpness.measure(x, 0, learning_rate_at(0), optimizer));

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
      optimizer.step(StepContext{gradient, value, learning_rate_at(result.steps), oracle}, x);
      ++result.steps;
      if (sharpness.due(result.steps)) {
        result.sharpness.push_back(
            sharpness.measure(x, result.steps, learning_rate_at(result.steps), optimizer));
      }
      if (settings.checkpoint_every > 0 && result.steps % settings.checkpoint_every == 0) {
        result.checkpoints.push_back({result.steps, x});
      }
    }
    const EpochRecord record = evaluate_epoch(mlp, train, validation, x, epoch, result.steps);
    result.history.push_back(record);
    if (settings.on_epoch) settings.on_epoch(record);
    if (settings.on_epoch_parameters) settings.on_epoch_parameters(x);
    if (!std::isfinite(record.train_loss) || !x.allFinite()) {
      result.status = TrainStatus::Diverged;
      result.reason = "non-finite training loss after epoch " + std::to_string(epoch);
      return result;
    }
    if (settings.patience == 0 || validation.size() == 0) continue;
    if (record.validation_loss < best_validation) {
      best_validation = record.validation_loss;
      best = x;
      epochs_without_improvement = 0;
    } else if (++epochs_without_improvement >= settings.patience) {
      result.status = TrainStatus::EarlyStopped;
      result.reason = "no better validation loss for " + std::to_string(settings.patience) +
                      " epochs; kept the best (" + std::to_string(best_validation) + ")";
      x = best;
      break;
    }
  }
  if (result.checkpoints.back().step != result.steps)
    result.checkpoints.push_back({result.steps, x});
  return result;
}

}  // namespace lv
