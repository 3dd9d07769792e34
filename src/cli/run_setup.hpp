// Building runs from flags, shared by `run`, `plot` and `compare`: the optimizers (each --set
// applies to the --optimizer before it), the schedule, the run settings and the start point.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/arguments.hpp"
#include "cli/selection.hpp"
#include "constraints/constraint_set.hpp"
#include "io/trajectory_io.hpp"
#include "run/runner.hpp"

namespace lv::cli {

// The flags understood by the functions below, to add to a command's FlagSpec list.
std::vector<FlagSpec> run_setup_flags();

// Applies one --set NAME=VALUE to the optimizer; errors name the optimizer.
void apply_set_flag(Optimizer& optimizer, const std::string& assignment);
// One race entry per --optimizer with its --set values applied (start and settings left empty).
std::vector<RaceEntry> optimizers_from_flags(const Arguments& arguments);
// The --schedule with its --sched-set values, or null without --schedule.
std::unique_ptr<Schedule> schedule_from_flags(const Arguments& arguments);
RunSettings settings_from_flags(const Arguments& arguments);
// --start, else the function's first recommended start point.
Vec start_from_flags(const Arguments& arguments, const Selection& selection);

// One line on stderr: "sgd: max_steps after 100 steps, loss 0.5".
void report_run(const std::string& optimizer, const Trajectory& trajectory);

// The race `run` and `plot` make: every entry from `start` with `settings` and the --schedule;
// with --constraint (repeatable) on a ConstrainedObjective (every step runs unless --tol says
// otherwise: ∇f vanishes only at unconstrained stationary points). Reports each run on stderr,
// with the KKT check of its last point when there are constraints. `constraints` gets the set.
std::vector<Trajectory> race_from_flags(const Arguments& arguments, const Selection& selection,
                                        std::vector<RaceEntry>& entries, const Vec& start,
                                        const RunSettings& settings, ConstraintSet& constraints);

}  // namespace lv::cli
