// lossviz-cli run: optimizer trajectories on a test surface or formula, as CSV or JSON.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/selection.hpp"
#include "common/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/trajectory_io.hpp"
#include "optim/registry.hpp"
#include "run/runner.hpp"

namespace lv::cli {

namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

nlohmann::json hyperparameters_json(const HyperParameters& parameters) {
  nlohmann::json object = nlohmann::json::object();
  for (const HyperParameter& d : parameters.descriptors()) {
    switch (d.kind) {
      case ParameterKind::Boolean:
        object[d.name] = parameters.flag(d.name);
        break;
      case ParameterKind::Choice:
        object[d.name] = parameters.choice(d.name);
        break;
      case ParameterKind::List:
        object[d.name] = parameters.list(d.name);
        break;
      default:
        object[d.name] = parameters.get(d.name);
        break;
    }
  }
  return object;
}

// Builds one race entry per --optimizer; each --set applies to the --optimizer before it.
std::vector<RaceEntry> optimizers_from_flags(const Arguments& arguments) {
  std::vector<RaceEntry> entries;
  for (const Flag& flag : arguments.flags()) {
    if (flag.name == "optimizer") {
      entries.push_back({make_optimizer(flag.value), nullptr, Vec(), RunSettings()});
    } else if (flag.name == "set") {
      if (entries.empty())
        throw InputError("--set " + flag.value + " comes before any --optimizer");
      const auto [name, value] = split_assignment(flag.value, "set");
      try {
        entries.back().optimizer->hyperparameters().set_from_text(name, value);
      } catch (const InputError& error) {
        throw InputError("--set (" + entries.back().optimizer->name() + "): " + error.what());
      }
    }
  }
  if (entries.empty())
    throw InputError("missing --optimizer NAME; see 'lossviz-cli list optimizers'");
  return entries;
}

std::unique_ptr<Schedule> schedule_from_flags(const Arguments& arguments) {
  const auto name = arguments.value("schedule");
  if (!name) {
    if (arguments.has("sched-set")) throw InputError("--sched-set needs a --schedule");
    return nullptr;
  }
  std::unique_ptr<Schedule> schedule = make_schedule(*name);
  for (const std::string& text : arguments.values("sched-set")) {
    const auto [key, value] = split_assignment(text, "sched-set");
    try {
      schedule->hyperparameters().set_from_text(key, value);
    } catch (const InputError& error) {
      throw InputError("--sched-set (" + *name + "): " + error.what());
    }
  }
  schedule->validate();
  return schedule;
}

RunSettings settings_from_flags(const Arguments& arguments) {
  RunSettings settings;
  if (const auto steps = arguments.integer("steps")) {
    if (*steps < 0) throw InputError("--steps must be >= 0");
    settings.max_steps = *steps;
  }
  if (const auto noise = arguments.number("noise")) {
    if (*noise < 0) throw InputError("--noise must be >= 0");
    settings.noise_sigma = *noise;
  }
  if (const auto seed = arguments.integer("seed")) settings.seed = static_cast<uint64_t>(*seed);
  if (const auto tolerance = arguments.number("tol")) settings.gradient_tolerance = *tolerance;
  if (const auto clip = arguments.number("clip-norm")) {
    if (*clip <= 0) throw InputError("--clip-norm must be > 0");
    settings.clip.max_norm = *clip;
  }
  if (const auto clip = arguments.number("clip-value")) {
    if (*clip <= 0) throw InputError("--clip-value must be > 0");
    settings.clip.max_value = *clip;
  }
  return settings;
}

Vec start_from_flags(const Arguments& arguments, const Selection& selection) {
  if (const auto start = arguments.point("start")) {
    if (start->size() != selection.objective.dim()) {
      throw InputError("--start has " + std::to_string(start->size()) + " coordinates but '" +
                       selection.label + "' has " + std::to_string(selection.objective.dim()) +
                       " variables");
    }
    return *start;
  }
  if (selection.function && !selection.function->start_points.empty()) {
    const auto [x, y] = selection.function->start_points.front();
    return Vec{{x, y}};
  }
  throw InputError("missing --start X,Y");
}

void report(const RaceEntry& entry, const Trajectory& trajectory) {
  std::fprintf(stderr, "%s: %s after %d steps, loss %.6g", entry.optimizer->name().c_str(),
               status_name(trajectory.status), trajectory.size() - 1,
               trajectory.empty() ? 0.0 : trajectory.loss.back());
  if (!trajectory.status_reason.empty())
    std::fprintf(stderr, " (%s)", trajectory.status_reason.c_str());
  std::fprintf(stderr, "\n");
}

}  // namespace

int run_command(const Args& args) {
  std::vector<FlagSpec> specs = selection_flags();
  for (const char* name :
       {"start", "steps", "schedule", "clip-norm", "clip-value", "noise", "seed", "tol", "out"}) {
    specs.push_back({name});
  }
  specs.push_back({"optimizer", true, true});
  specs.push_back({"set", true, true});
  specs.push_back({"sched-set", true, true});
  const Arguments arguments(args, specs);

  const Selection selection = select_objective(arguments);
  std::vector<RaceEntry> entries = optimizers_from_flags(arguments);
  const RunSettings settings = settings_from_flags(arguments);
  const Vec start = start_from_flags(arguments, selection);
  const auto out = arguments.value("out");
  const bool json = out && ends_with(*out, ".json");
  if (out && !json && !ends_with(*out, ".csv"))
    throw InputError("--out: expected a .csv or .json file, got '" + *out + "'");
  if (entries.size() > 1 && !json) throw InputError("several --optimizer need --out FILE.json");

  for (RaceEntry& entry : entries) {
    entry.schedule = schedule_from_flags(arguments);
    entry.start = start;
    entry.settings = settings;
  }
  const std::vector<Trajectory> trajectories = run_race(selection.objective, entries);
  for (size_t i = 0; i < entries.size(); ++i) report(entries[i], trajectories[i]);

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
