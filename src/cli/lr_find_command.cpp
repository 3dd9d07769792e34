// lossviz-cli lr-find: the learning-rate range test (run/lr_finder.hpp) on a test surface or
// formula (the selection of `run`) or on a network (--model/--data as `train`, full batch); CSV
// step,lr,loss on stdout, or with --json {"lr": [...], "loss": [...], "suggested_lr": V}.
#include <cstdio>
#include <memory>
#include <optional>
#include <random>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/network_setup.hpp"
#include "cli/run_setup.hpp"
#include "cli/selection.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"
#include "nn/network_objective.hpp"
#include "optim/registry.hpp"
#include "run/lr_finder.hpp"

namespace lv::cli {

namespace {

LrFinderSettings finder_settings(const Arguments& arguments) {
  LrFinderSettings settings;
  if (const auto value = arguments.number("min-lr")) settings.min_lr = *value;
  if (const auto value = arguments.number("max-lr")) settings.max_lr = *value;
  if (const auto value = arguments.integer("steps")) settings.steps = *value;
  if (!(settings.min_lr > 0.0)) throw InputError("--min-lr must be > 0");
  if (!(settings.max_lr > settings.min_lr)) throw InputError("--max-lr must be > --min-lr");
  if (settings.steps < 2) throw InputError("--steps must be >= 2");
  return settings;
}

std::unique_ptr<Optimizer> optimizer_from_flags(const Arguments& arguments) {
  std::unique_ptr<Optimizer> optimizer = make_optimizer(
      required_value(arguments, "optimizer", "NAME; see 'lossviz-cli list optimizers'"));
  for (const std::string& text : arguments.values("set")) apply_set_flag(*optimizer, text);
  if (!optimizer->hyperparameters().has("lr"))
    throw InputError("--optimizer: " + optimizer->name() + " has no learning rate 'lr' to sweep");
  return optimizer;
}

void print_result(const LrFinderResult& result, bool json) {
  if (json) {
    nlohmann::json document = {{"lr", result.learning_rates}, {"loss", result.losses}};
    document["suggested_lr"] =
        result.suggested_index >= 0 ? nlohmann::json(result.suggested_lr) : nlohmann::json();
    std::printf("%s\n", document.dump().c_str());
    return;
  }
  std::string csv = "step,lr,loss\n";
  for (size_t i = 0; i < result.losses.size(); ++i) {
    csv += std::to_string(i + 1) + "," + format_exact(result.learning_rates[i]) + "," +
           format_exact(result.losses[i]) + "\n";
  }
  std::fwrite(csv.data(), 1, csv.size(), stdout);
}

void report(const LrFinderResult& result) {
  if (result.suggested_index < 0) {
    std::fprintf(stderr, "lr-find: no decreasing stretch of the loss, no suggestion\n");
    return;
  }
  std::fprintf(stderr, "lr-find: suggested lr %.3g (steepest descent of the smoothed loss)%s\n",
               result.suggested_lr, result.stopped_early ? "; stopped early: loss diverged" : "");
}

}  // namespace

int lr_find_command(const Args& args) {
  std::vector<FlagSpec> specs = selection_flags();
  for (const char* name :
       {"start", "optimizer", "min-lr", "max-lr", "steps", "model", "data", "seed"}) {
    specs.push_back({name});
  }
  specs.push_back({"set", true, true});
  specs.push_back({"json", false});
  const Arguments arguments(args, specs);
  const LrFinderSettings settings = finder_settings(arguments);
  std::unique_ptr<Optimizer> optimizer = optimizer_from_flags(arguments);

  LrFinderResult result;
  if (arguments.has("model") || arguments.has("data")) {
    const NetworkSetup setup = load_network_setup(arguments);
    const NetworkObjective objective(setup.mlp, setup.data);
    std::mt19937_64 generator(static_cast<uint64_t>(arguments.integer("seed").value_or(0)));
    const Vec initial = setup.mlp.initial_parameters(generator);
    result = find_learning_rate(objective, *optimizer, initial, settings);
  } else {
    const Selection selection = select_objective(arguments);
    result = find_learning_rate(selection.target(), *optimizer,
                                start_from_flags(arguments, selection), settings);
  }
  report(result);
  print_result(result, arguments.has("json"));
  return 0;
}

}  // namespace lv::cli
