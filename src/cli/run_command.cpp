// lossviz-cli run: optimizer trajectories on a test surface or formula, as CSV or JSON.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/commands.hpp"
#include "cli/run_setup.hpp"
#include "cli/selection.hpp"
#include "common/errors.hpp"
#include "constraints/constrained_objective.hpp"
#include "constraints/kkt.hpp"
#include "files/atomic_file.hpp"
#include "io/trajectory_io.hpp"
#include "run/runner.hpp"

namespace lv::cli {

int run_command(const Args& args) {
  std::vector<FlagSpec> specs = selection_flags();
  for (FlagSpec& spec : run_setup_flags()) specs.push_back(std::move(spec));
  specs.push_back({"out"});
  specs.push_back({"constraint", true, true});
  const Arguments arguments(args, specs);

  const Selection selection = select_objective(arguments);
  std::vector<RaceEntry> entries = optimizers_from_flags(arguments);
  const RunSettings settings = settings_from_flags(arguments);
  if (arguments.has("batch-size") && !selection.model) {
    throw InputError(
        "--batch-size goes with a model on data (--function linear_regression, "
        "logistic_regression or neuron with --data)");
  }
  const Vec start = start_from_flags(arguments, selection);
  const auto out = arguments.value("out");
  const bool json = out && out->ends_with(".json");
  if (out && !json && !out->ends_with(".csv"))
    throw InputError("--out: expected a .csv or .json file, got '" + *out + "'");
  if (entries.size() > 1 && !json) throw InputError("several --optimizer need --out FILE.json");
  if (out) check_output_file(*out, "--out");

  ConstraintSet constraints;
  const std::vector<Trajectory> trajectories =
      race_from_flags(arguments, selection, entries, start, settings, constraints);

  if (!json) {
    const std::string csv = trajectory_csv(trajectories.front());
    if (out) {
      write_file_atomically(*out, csv);
    } else {
      std::fwrite(csv.data(), 1, csv.size(), stdout);
    }
    return 0;
  }
  nlohmann::json runs = nlohmann::json::array();
  for (size_t i = 0; i < entries.size(); ++i) {
    RunLabel label;
    label.optimizer = entries[i].optimizer->name();
    label.hyperparameters = hyperparameters_json(entries[i].optimizer->hyperparameters());
    if (entries[i].schedule) {
      label.schedule = entries[i].schedule->name();
      label.schedule_parameters = hyperparameters_json(entries[i].schedule->hyperparameters());
    }
    runs.push_back(trajectory_json(trajectories[i], label));
  }
  nlohmann::json parameters = nlohmann::json::object();
  for (const FormulaParameter& p : selection.objective.expr().parameters())
    parameters[p.name] = p.value;
  const nlohmann::json document = {
      {"function", selection.label},
      {"formula", selection.objective.expr().text()},
      {"parameters", parameters},
      {"start", std::vector<double>(start.data(), start.data() + start.size())},
      {"runs", runs}};
  write_file_atomically(*out, document.dump(1) + "\n");
  return 0;
}

}  // namespace lv::cli
