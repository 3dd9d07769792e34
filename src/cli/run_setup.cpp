#include "cli/run_setup.hpp"

#include <cstdio>
#include <optional>

#include "common/errors.hpp"
#include "constraints/constrained_objective.hpp"
#include "constraints/kkt.hpp"
#include "optim/registry.hpp"

namespace lv::cli {

std::vector<FlagSpec> run_setup_flags() {
  std::vector<FlagSpec> specs;
  for (const char* name : {"start", "steps", "schedule", "clip-norm", "clip-value", "noise", "seed",
                           "tol", "precision", "batch-size"}) {
    specs.push_back({name});
  }
  specs.push_back({"optimizer", true, true});
  specs.push_back({"set", true, true});
  specs.push_back({"sched-set", true, true});
  return specs;
}

void apply_set_flag(Optimizer& optimizer, const std::string& assignment) {
  const auto [name, value] = split_assignment(assignment, "set");
  try {
    optimizer.set_hyperparameter(name, value);
  } catch (const InputError& error) {
    throw InputError("--set (" + optimizer.name() + "): " + error.what());
  }
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
      apply_set_flag(*entries.back().optimizer, flag.value);
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
  if (const auto batch_size = arguments.integer("batch-size")) {
    if (*batch_size < 0) throw InputError("--batch-size must be >= 0 (0: full batch)");
    settings.batch_size = *batch_size;
  }
  if (const auto tolerance = arguments.number("tol")) settings.gradient_tolerance = *tolerance;
  if (const auto clip = arguments.number("clip-norm")) {
    if (*clip <= 0) throw InputError("--clip-norm must be > 0");
    settings.clip.max_norm = *clip;
  }
  if (const auto clip = arguments.number("clip-value")) {
    if (*clip <= 0) throw InputError("--clip-value must be > 0");
    settings.clip.max_value = *clip;
  }
  if (const auto precision = arguments.value("precision")) {
    try {
      settings.precision.format = parse_number_format(*precision);
    } catch (const InputError& error) {
      throw InputError(std::string("--precision: ") + error.what());
    }
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
    if (!start->allFinite()) throw InputError("--start: the start point is not finite");
    return *start;
  }
  if (selection.model) {
    const auto [x, y] = selection.model->info().start;
    return Vec{{x, y}};
  }
  if (selection.function && !selection.function->start_points.empty()) {
    const auto [x, y] = selection.function->start_points.front();
    return Vec{{x, y}};
  }
  throw InputError("missing --start X,Y");
}

void report_run(const std::string& optimizer, const Trajectory& trajectory) {
  if (trajectory.empty()) {  // stopped before the first record: the start itself is unusable
    std::fprintf(stderr, "%s: %s at the start (%s)\n", optimizer.c_str(),
                 status_name(trajectory.status), trajectory.status_reason.c_str());
    return;
  }
  std::fprintf(stderr, "%s: %s after %d steps, loss %.6g", optimizer.c_str(),
               status_name(trajectory.status), trajectory.size() - 1,
               trajectory.empty() ? 0.0 : trajectory.loss.back());
  if (!trajectory.status_reason.empty())
    std::fprintf(stderr, " (%s)", trajectory.status_reason.c_str());
  std::fprintf(stderr, "\n");
}

std::vector<Trajectory> race_from_flags(const Arguments& arguments, const Selection& selection,
                                        std::vector<RaceEntry>& entries, const Vec& start,
                                        const RunSettings& settings, ConstraintSet& constraints) {
  constraints = ConstraintSet{};
  for (const std::string& text : arguments.values("constraint")) constraints.add(text);
  for (RaceEntry& entry : entries) {
    entry.schedule = schedule_from_flags(arguments);
    entry.start = start;
    entry.settings = settings;
    if (!constraints.empty() && !arguments.has("tol")) entry.settings.gradient_tolerance = 0.0;
  }
  // The constraint wrapper only when there are constraints: least-squares methods look for the
  // residual form on the objective they are given.
  std::optional<ConstrainedObjective> constrained;
  if (!constraints.empty()) constrained.emplace(selection.target(), constraints);
  const Objective& objective =
      constrained ? static_cast<const Objective&>(*constrained) : selection.target();
  std::vector<Trajectory> trajectories = run_race(objective, entries);
  for (size_t i = 0; i < entries.size(); ++i) {
    report_run(entries[i].optimizer->name(), trajectories[i]);
    if (constraints.empty() || trajectories[i].empty()) continue;
    const Vec final_point = trajectories[i].x(trajectories[i].size() - 1);
    std::fprintf(stderr, "%s: %s\n", entries[i].optimizer->name().c_str(),
                 check_kkt(objective, constraints, final_point).summary(constraints).c_str());
  }
  return trajectories;
}

}  // namespace lv::cli
