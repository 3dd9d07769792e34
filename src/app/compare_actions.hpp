// The Compare panel's operations on AppState, kept GL-free: the comparison of the current function
// and optimizers (built as lossviz-cli compare builds it), starting it on the worker, taking its
// result, applying the best settings to the Optimizers panel, the CSV export, and the
// --compare-set options of the headless mode.
#pragma once

#include <string>
#include <vector>

#include "app_state.hpp"
#include "compare/comparison.hpp"

namespace lv::app {

// The budget, search, start box (the function's domain), seed, noise and clipping of the Run
// section, and the target (the function's known global minimum + tolerance; none for a typed
// formula). Worker threads: one per hardware thread but one, which the frame loop keeps.
ComparisonSettings comparison_settings(const AppState& state);

// The Optimizers panel's optimizers (each with all its current settings fixed except the tuned
// ones, under its label) or the ticked registered ones at their defaults, all with the Run
// section's schedule. Records where each came from in state.compare (slots, names, colors).
std::vector<Contestant> comparison_contestants(AppState& state);

// Runs that comparison would make (tuning + held-out), for the panel's estimate.
long comparison_run_count(const AppState& state);

// Starts the comparison on the worker. Throws InputError when there is nothing to compare.
void start_comparison(AppState& state);
// Copies the worker's progress and result into state.compare.snapshot; a new result opens the
// results window.
void update_comparison(AppState& state);

// Sets each compared optimizer's tuned hyperparameters to its best setting in the Optimizers
// panel (adding a ticked optimizer the panel lacks), so the race shows them. Returns how many
// optimizers changed. Throws InputError when there is no result.
int use_best_settings(AppState& state);

// The results table as CSV (the format of lossviz-cli compare --out FILE.csv), written
// atomically. Throws InputError when there is no result or the file cannot be written.
void write_comparison_csv(const AppState& state, const std::string& path);

// One --compare-set KEY=VALUE: steps, evals, starts, search (grid|random), grid-points, trials,
// tolerance, optimizers (comma-separated registered names instead of the panel's). Throws
// InputError naming the key or value at fault.
void set_compare_option(CompareConfig& config, const std::string& key, const std::string& value);

}  // namespace lv::app
