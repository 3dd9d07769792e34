// A fair comparison of optimizers on one objective: each contestant's tunable hyperparameters are
// tuned (grid or random search) on one set of start points and noise seeds, then the best
// setting is reported on a held-out set of start points and seeds (docs/compare.md). Runs are
// spread over a pool of threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "compare/tuning_space.hpp"
#include "objective/objective.hpp"
#include "run/runner.hpp"

namespace lv {

enum class SearchMethod { Grid, Random };

struct ComparisonSettings {
  int steps = 200;             // step budget per run (default: 200)
  long evaluation_budget = 0;  // > 0: a function-evaluation budget instead (default: 0, off)
  SearchMethod search = SearchMethod::Grid;  // (default: grid)
  int grid_points = 13;                      // per tuned parameter (default: 13)
  int random_trials = 40;                    // random search settings (default: 40)
  int starts = 8;  // start points in each of the tuning and held-out sets (default: 8)
  double box_x_min = -2.0, box_x_max = 2.0, box_y_min = -2.0,
         box_y_max = 2.0;                                         // where starts are drawn
  double target_loss = std::numeric_limits<double>::quiet_NaN();  // "steps to target" (NaN: none)
  uint64_t seed = 0;  // start points, noise seeds, random search (default: 0)
  RunSettings run;    // noise, clipping, tolerance (max_steps is set from the budget)
  int threads = 0;    // worker threads (default: 0, one per hardware thread)
  // Called after each finished run with (done, total), from worker threads, serialised.
  std::function<void(long done, long total)> progress;
  // Set (from any thread) to stop early: no further run starts and the comparison comes back
  // with `cancelled` set (default: none).
  const std::atomic<bool>* cancel = nullptr;
};

// One optimizer to compare: a factory for it with its fixed settings applied (each run needs its
// own instance), and optionally a schedule factory.
struct Contestant {
  std::string label;
  std::function<std::unique_ptr<Optimizer>()> make_optimizer;
  std::function<std::unique_ptr<Schedule>()> make_schedule;  // empty: constant lr
};

struct ContestantResult {
  std::string label;
  std::vector<TunedParameter> tuned;
  TuningSetting best_setting;
  double tuning_score = 0.0;  // median final loss over the tuning runs of the best setting
  int settings_tried = 0;
  std::vector<double> final_losses;  // held-out runs; +inf where the run diverged
  std::vector<int> steps_to_target;  // held-out runs; -1 where the target was never reached
  int diverged = 0;
  double median = 0.0, lower_quartile = 0.0, upper_quartile = 0.0;  // of final_losses
  Trajectory best_trajectory;  // the best setting from the first held-out start
};

struct Comparison {
  std::vector<Vec> tuning_starts, held_out_starts;
  std::vector<ContestantResult> results;  // incomplete when cancelled
  bool cancelled = false;                 // stopped by ComparisonSettings::cancel
};

// The two start sets: 2·starts points uniform in the box from `seed`; the first half tunes, the
// second half reports. Throws InputError for an empty box or starts < 1.
void draw_start_sets(const ComparisonSettings& settings, int dimension, std::vector<Vec>& tuning,
                     std::vector<Vec>& held_out);

// Runs the whole protocol. Throws InputError for bad settings or an optimizer configuration the
// optimizer rejects. A cancelled comparison returns its start sets and labels but no results.
Comparison compare_optimizers(const Objective& objective,
                              const std::vector<Contestant>& contestants,
                              const ComparisonSettings& settings);

// The loss a run ends with under the budget: the last recorded loss whose cumulative function
// evaluations stay within evaluation_budget (or the last row for a step budget); +inf when the
// run diverged within the budget.
double final_loss(const Trajectory& trajectory, long evaluation_budget);
// The first step whose loss is <= target (-1 if none or target is NaN).
int steps_to_target(const Trajectory& trajectory, double target, long evaluation_budget);

}  // namespace lv
