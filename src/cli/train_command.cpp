// lossviz-cli train: trains an MLP from a model spec on a data set with any registered optimizer
// and schedule; writes the weights (safetensors, torch state_dict names) and, with --checkpoints,
// the parameters every k updates (the trajectory `landscape --pca` projects); with
// --sharpness-every K --sharpness-out FILE.csv, λmax of the full training loss every K updates
// beside 2/lr (written even when training diverges: that is when it is most interesting); with
// --history FILE.csv, the per-epoch losses, the lr in force and the epoch early stopping kept.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>

#include "cli/commands.hpp"
#include "cli/network_setup.hpp"
#include "cli/progress.hpp"
#include "cli/run_setup.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"
#include "files/atomic_file.hpp"
#include "nn/network_weights.hpp"
#include "nn/trainer.hpp"
#include "optim/registry.hpp"

namespace lv::cli {

namespace {

// The --optimizer with every --set applied.
std::unique_ptr<Optimizer> optimizer_from_flags(const Arguments& arguments) {
  std::unique_ptr<Optimizer> optimizer = make_optimizer(
      required_value(arguments, "optimizer", "NAME; see 'lossviz-cli list optimizers'"));
  for (const std::string& text : arguments.values("set")) apply_set_flag(*optimizer, text);
  return optimizer;
}

TrainSettings settings_from_flags(const Arguments& arguments, int train_size) {
  TrainSettings settings;
  const auto epochs = arguments.integer("epochs");
  if (!epochs) throw InputError("missing --epochs E");
  if (*epochs < 1) throw InputError("--epochs must be >= 1");
  settings.epochs = *epochs;
  if (const auto batch = arguments.integer("batch-size")) {
    if (*batch < 0) throw InputError("--batch-size must be >= 0 (0: the whole training set)");
    settings.batch_size = *batch;
  }
  if (const auto seed = arguments.integer("seed")) settings.seed = static_cast<uint64_t>(*seed);
  if (const auto decay = arguments.number("weight-decay")) {
    if (*decay < 0) throw InputError("--weight-decay must be >= 0");
    settings.weight_decay = *decay;
  }
  if (const auto mode = arguments.value("weight-decay-mode"))
    settings.weight_decay_mode = parse_weight_decay_mode(*mode);
  if (const auto clip = arguments.number("clip-norm")) {
    if (!(*clip >= 0)) throw InputError("--clip-norm must be >= 0 (0: off)");
    settings.clip_norm = *clip;
  }
  if (const auto step = arguments.value("schedule-step")) {
    settings.schedule_step = parse_schedule_step(*step);
    if (!arguments.has("schedule")) throw InputError("--schedule-step needs --schedule NAME");
  }
  if (const auto dropout = arguments.number("dropout")) {
    if (!(*dropout >= 0 && *dropout < 1)) throw InputError("--dropout must be in [0, 1)");
    settings.dropout = *dropout;
  }
  if (const auto patience = arguments.integer("patience")) {
    if (*patience < 0) throw InputError("--patience must be >= 0");
    settings.patience = *patience;
  }
  const int batch =
      settings.batch_size == 0 ? train_size : std::min(settings.batch_size, train_size);
  const int steps_per_epoch = (train_size + batch - 1) / batch;
  settings.checkpoint_every = arguments.has("checkpoints") ? steps_per_epoch : 0;
  if (const auto every = arguments.integer("checkpoint-every")) {
    if (*every < 1) throw InputError("--checkpoint-every must be >= 1");
    if (!arguments.has("checkpoints"))
      throw InputError("--checkpoint-every needs --checkpoints DIR");
    settings.checkpoint_every = *every;
  }
  if (const auto every = arguments.integer("sharpness-every")) {
    if (*every < 1) throw InputError("--sharpness-every must be >= 1");
    if (!arguments.has("sharpness-out"))
      throw InputError("--sharpness-every needs --sharpness-out FILE.csv");
    settings.sharpness_every = *every;
  } else if (arguments.has("sharpness-out")) {
    throw InputError("--sharpness-out needs --sharpness-every K");
  }
  return settings;
}

std::string checkpoint_path(const std::string& directory, long step) {
  char name[64];
  std::snprintf(name, sizeof name, "step_%08ld.safetensors", step);
  return (std::filesystem::path(directory) / name).string();
}

void write_checkpoints(const Mlp& mlp, const TrainResult& result, const std::string& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error)
    throw InputError("--checkpoints: cannot create '" + directory + "': " + error.message());
  for (const Checkpoint& checkpoint : result.checkpoints) {
    save_parameters(mlp, checkpoint.parameters, checkpoint_path(directory, checkpoint.step));
  }
}

// The contract of docs/curvature.md: step,loss,lambda_max,two_over_lr, one row per measurement;
// adaptive methods add preconditioned_lambda_max,preconditioned_limit (empty before their first
// step).
void write_sharpness_csv(const std::vector<SharpnessRecord>& records, const std::string& path) {
  const bool preconditioned = std::any_of(
      records.begin(), records.end(),
      [](const SharpnessRecord& record) { return !std::isnan(record.preconditioned_lambda_max); });
  std::string text = "step,loss,lambda_max,two_over_lr";
  text += preconditioned ? ",preconditioned_lambda_max,preconditioned_limit\n" : "\n";
  const auto field = [](double value) { return std::isnan(value) ? "" : format_exact(value); };
  for (const SharpnessRecord& record : records) {
    text += std::to_string(record.step) + "," + format_exact(record.loss) + "," +
            format_exact(record.lambda_max) + "," + format_exact(record.two_over_lr);
    if (preconditioned) {
      text +=
          "," + field(record.preconditioned_lambda_max) + "," + field(record.preconditioned_limit);
    }
    text += "\n";
  }
  write_file_atomically(path, text);
}

// epoch,step,lr,train_loss,train_accuracy,validation_loss,validation_accuracy,kept,grad_norm,
// update_norm,param_norm,effective_lr,update_ratio: one row per epoch; accuracies and validation
// columns empty where they do not exist; kept is 1 on the row of the epoch whose weights were
// written (early stopping), 0 elsewhere; the norms are those of the epoch's last update (added at
// the end, so readers of the first eight columns keep working).
void write_history_csv(const TrainResult& result, const std::string& path) {
  std::string text =
      "epoch,step,lr,train_loss,train_accuracy,validation_loss,validation_accuracy,kept,grad_norm,"
      "update_norm,param_norm,effective_lr,update_ratio\n";
  const auto field = [](double value) { return std::isnan(value) ? "" : format_exact(value); };
  for (const EpochRecord& record : result.history) {
    text +=
        std::to_string(record.epoch) + "," + std::to_string(record.step) + "," +
        format_exact(record.learning_rate) + "," + field(record.train_loss) + "," +
        field(record.train_accuracy) + "," + field(record.validation_loss) + "," +
        field(record.validation_accuracy) + "," + (record.epoch == result.best_epoch ? "1" : "0") +
        "," + format_exact(record.gradient_norm) + "," + format_exact(record.update_norm) + "," +
        format_exact(record.parameter_norm) + "," + format_exact(record.effective_learning_rate) +
        "," + format_exact(record.update_ratio) + "\n";
  }
  write_file_atomically(path, text);
}

std::string epoch_text(const EpochRecord& record) {
  char text[160];
  int length =
      std::snprintf(text, sizeof text, "epoch %d loss %.4g", record.epoch, record.train_loss);
  if (!std::isnan(record.train_accuracy))
    length +=
        std::snprintf(text + length, sizeof text - length, " acc %.3f", record.train_accuracy);
  if (!std::isnan(record.validation_loss))
    length += std::snprintf(text + length, sizeof text - length, " val_loss %.4g",
                            record.validation_loss);
  return text;
}

}  // namespace

int train_command(const Args& args) {
  std::vector<FlagSpec> specs;
  for (const char* name : {"model",
                           "data",
                           "optimizer",
                           "epochs",
                           "batch-size",
                           "seed",
                           "out",
                           "checkpoints",
                           "checkpoint-every",
                           "schedule",
                           "validation",
                           "patience",
                           "weight-decay",
                           "weight-decay-mode",
                           "dropout",
                           "clip-norm",
                           "schedule-step",
                           "history",
                           "sharpness-every",
                           "sharpness-out"}) {
    specs.push_back({name});
  }
  specs.push_back({"set", true, true});
  specs.push_back({"sched-set", true, true});
  const Arguments arguments(args, specs);

  const std::string out = required_value(arguments, "out", "WEIGHTS.safetensors");
  // Outputs are checked before training, so a bad --checkpoints never follows a written --out.
  check_output_file(out, "--out");
  if (const auto directory = arguments.value("checkpoints"))
    check_output_directory(*directory, "--checkpoints");
  if (const auto sharpness = arguments.value("sharpness-out"))
    check_output_file(*sharpness, "--sharpness-out");
  if (const auto history = arguments.value("history")) check_output_file(*history, "--history");
  NetworkSetup setup = load_network_setup(arguments);
  std::unique_ptr<Optimizer> optimizer = optimizer_from_flags(arguments);
  std::unique_ptr<Schedule> schedule = schedule_from_flags(arguments);
  const uint64_t seed = static_cast<uint64_t>(arguments.integer("seed").value_or(0));
  const DatasetSplit split =
      split_dataset(setup.data, arguments.number("validation").value_or(0.0), seed);
  TrainSettings settings = settings_from_flags(arguments, split.train.size());
  if (settings.patience > 0 && split.validation.size() == 0)
    throw InputError("--patience needs --validation FRACTION > 0");

  std::mt19937_64 generator(seed);
  const Vec initial = setup.mlp.initial_parameters(generator);
  Progress progress("train");
  settings.on_epoch = [&](const EpochRecord& record) {
    progress.update(static_cast<double>(record.epoch) / settings.epochs, epoch_text(record));
  };
  const TrainResult result = train_network(setup.mlp, split.train, split.validation, *optimizer,
                                           schedule.get(), initial, settings);
  progress.finish(std::string(train_status_name(result.status)) + " after " +
                  std::to_string(result.steps) + " steps" +
                  (result.history.empty() ? "" : ", " + epoch_text(result.history.back())));
  if (!result.reason.empty()) std::fprintf(stderr, "train: %s\n", result.reason.c_str());
  if (const auto sharpness = arguments.value("sharpness-out"))
    write_sharpness_csv(result.sharpness, *sharpness);
  if (const auto history = arguments.value("history")) write_history_csv(result, *history);
  if (result.status == TrainStatus::Diverged) {
    std::fprintf(stderr, "train: not writing '%s': training diverged\n", out.c_str());
    return 1;
  }
  save_parameters(setup.mlp, result.parameters, out);
  if (const auto directory = arguments.value("checkpoints"))
    write_checkpoints(setup.mlp, result, *directory);
  return 0;
}

}  // namespace lv::cli
