#include "compare/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "common/errors.hpp"
#include "common/quantile.hpp"
#include "compare/parallel_for.hpp"

namespace lv {

namespace {

constexpr double k_infinity = std::numeric_limits<double>::infinity();

// The last row within the evaluation budget (all rows for a step budget).
int last_row_in_budget(const Trajectory& trajectory, long evaluation_budget) {
  int last = trajectory.size() - 1;
  if (evaluation_budget > 0) {
    while (last > 0 && trajectory.function_evaluations[last] > evaluation_budget) --last;
  }
  return last;
}

RunSettings run_settings(const ComparisonSettings& settings, uint64_t seed) {
  RunSettings run = settings.run;
  // Each step costs at least one evaluation, so an evaluation budget never needs more steps.
  run.max_steps = settings.evaluation_budget > 0
                      ? static_cast<int>(std::min<long>(settings.evaluation_budget, 1 << 30))
                      : settings.steps;
  run.seed = seed;
  return run;
}

Trajectory run_contestant(const Objective& objective, const Contestant& contestant,
                          const std::vector<TunedParameter>& tuned, const TuningSetting& setting,
                          const Vec& start, const RunSettings& run) {
  std::unique_ptr<Optimizer> optimizer = contestant.make_optimizer();
  apply_setting(*optimizer, tuned, setting);
  const std::unique_ptr<Schedule> schedule =
      contestant.make_schedule ? contestant.make_schedule() : nullptr;
  return run_optimizer(objective, *optimizer, schedule.get(), start, run);
}

double median_of(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return quantile_sorted(values, 0.5);
}

void validate(const ComparisonSettings& settings, const std::vector<Contestant>& contestants) {
  if (contestants.empty()) throw InputError("a comparison needs at least one optimizer");
  if (settings.evaluation_budget <= 0 && settings.steps < 1)
    throw InputError("the step budget must be at least 1");
  if (settings.starts < 1) throw InputError("a comparison needs at least 1 start point per set");
}

// Tuning: every (contestant, setting, tuning start) run; the best setting has the lowest median
// final loss over the tuning starts (the first such setting on ties).
// Returns false when cancelled before every tuning run finished.
bool tune(const Objective& objective, const std::vector<Contestant>& contestants,
          const ComparisonSettings& settings, const std::vector<Vec>& starts,
          std::vector<ContestantResult>& results, long& done, long total) {
  std::vector<std::vector<TuningSetting>> candidates;
  struct Job {
    size_t contestant, setting, start;
  };
  std::vector<Job> jobs;
  for (size_t c = 0; c < contestants.size(); ++c) {
    const std::unique_ptr<Optimizer> prototype = contestants[c].make_optimizer();
    results[c].label = contestants[c].label;
    results[c].tuned = tuned_parameters(*prototype);
    candidates.push_back(settings.search == SearchMethod::Grid
                             ? grid_settings(results[c].tuned, settings.grid_points)
                             : random_settings(results[c].tuned, settings.random_trials,
                                               settings.seed + 7919 * (c + 1)));
    results[c].settings_tried = static_cast<int>(candidates.back().size());
    for (size_t s = 0; s < candidates.back().size(); ++s) {
      for (size_t k = 0; k < starts.size(); ++k) jobs.push_back({c, s, k});
    }
  }
  std::vector<double> losses(jobs.size());
  const long offset = done;
  const long finished_jobs = parallel_for(
      static_cast<long>(jobs.size()), settings.threads,
      [&](long i) {
        const Job& job = jobs[i];
        const Trajectory trajectory =
            run_contestant(objective, contestants[job.contestant], results[job.contestant].tuned,
                           candidates[job.contestant][job.setting], starts[job.start],
                           run_settings(settings, settings.seed + 1 + job.start));
        losses[i] = final_loss(trajectory, settings.evaluation_budget);
      },
      [&](long finished, long) {
        if (settings.progress) settings.progress(offset + finished, total);
      },
      settings.cancel);
  done += finished_jobs;
  if (finished_jobs < static_cast<long>(jobs.size())) return false;

  size_t i = 0;
  for (size_t c = 0; c < contestants.size(); ++c) {
    results[c].tuning_score = k_infinity;
    results[c].best_setting = candidates[c].front();
    for (size_t s = 0; s < candidates[c].size(); ++s) {
      const std::vector<double> setting_losses(
          losses.begin() + static_cast<long>(i),
          losses.begin() + static_cast<long>(i + starts.size()));
      i += starts.size();
      const double score = median_of(setting_losses);
      if (score < results[c].tuning_score) {
        results[c].tuning_score = score;
        results[c].best_setting = candidates[c][s];
      }
    }
  }
  return true;
}

// Reporting: the best setting of each contestant from every held-out start, with held-out seeds.
// Returns false when cancelled before every held-out run finished.
bool report(const Objective& objective, const std::vector<Contestant>& contestants,
            const ComparisonSettings& settings, const std::vector<Vec>& starts,
            std::vector<ContestantResult>& results, long done, long total) {
  const size_t count = starts.size();
  std::vector<Trajectory> trajectories(contestants.size() * count);
  const long finished_jobs = parallel_for(
      static_cast<long>(trajectories.size()), settings.threads,
      [&](long i) {
        const size_t c = static_cast<size_t>(i) / count, k = static_cast<size_t>(i) % count;
        trajectories[i] =
            run_contestant(objective, contestants[c], results[c].tuned, results[c].best_setting,
                           starts[k], run_settings(settings, settings.seed + 1 + count + k));
      },
      [&](long finished, long) {
        if (settings.progress) settings.progress(done + finished, total);
      },
      settings.cancel);
  if (finished_jobs < static_cast<long>(trajectories.size())) return false;
  for (size_t c = 0; c < contestants.size(); ++c) {
    ContestantResult& result = results[c];
    for (size_t k = 0; k < count; ++k) {
      const Trajectory& trajectory = trajectories[c * count + k];
      result.final_losses.push_back(final_loss(trajectory, settings.evaluation_budget));
      result.steps_to_target.push_back(
          steps_to_target(trajectory, settings.target_loss, settings.evaluation_budget));
      if (std::isinf(result.final_losses.back())) ++result.diverged;
    }
    std::vector<double> sorted = result.final_losses;
    std::sort(sorted.begin(), sorted.end());
    result.median = quantile_sorted(sorted, 0.5);
    result.lower_quartile = quantile_sorted(sorted, 0.25);
    result.upper_quartile = quantile_sorted(sorted, 0.75);
    result.best_trajectory = std::move(trajectories[c * count]);
  }
  return true;
}

}  // namespace

double final_loss(const Trajectory& trajectory, long evaluation_budget) {
  if (trajectory.empty()) return k_infinity;
  const int last = last_row_in_budget(trajectory, evaluation_budget);
  // A run that diverged before the budget ran out has no meaningful final loss.
  if (trajectory.status == RunStatus::Diverged && last == trajectory.size() - 1) return k_infinity;
  return trajectory.loss[last];
}

int steps_to_target(const Trajectory& trajectory, double target, long evaluation_budget) {
  if (std::isnan(target) || trajectory.empty()) return -1;
  const int last = last_row_in_budget(trajectory, evaluation_budget);
  for (int row = 0; row <= last; ++row) {
    if (trajectory.loss[row] <= target) return row;
  }
  return -1;
}

void draw_start_sets(const ComparisonSettings& settings, int dimension, std::vector<Vec>& tuning,
                     std::vector<Vec>& held_out) {
  if (!(settings.box_x_max > settings.box_x_min) || !(settings.box_y_max > settings.box_y_min)) {
    throw InputError("the start box is empty: its x and y ranges must be increasing");
  }
  if (settings.starts < 1) throw InputError("a comparison needs at least 1 start point per set");
  std::mt19937_64 generator(settings.seed);
  std::uniform_real_distribution<double> x(settings.box_x_min, settings.box_x_max);
  std::uniform_real_distribution<double> y(settings.box_y_min, settings.box_y_max);
  tuning.clear();
  held_out.clear();
  for (int k = 0; k < 2 * settings.starts; ++k) {
    Vec start = Vec::Zero(dimension);  // variables beyond x, y start at 0
    start[0] = x(generator);
    start[1] = y(generator);
    (k < settings.starts ? tuning : held_out).push_back(start);
  }
}

Comparison compare_optimizers(const Objective& objective,
                              const std::vector<Contestant>& contestants,
                              const ComparisonSettings& settings) {
  validate(settings, contestants);
  Comparison comparison;
  draw_start_sets(settings, objective.dim(), comparison.tuning_starts, comparison.held_out_starts);
  comparison.results.resize(contestants.size());
  long total = 0;
  for (const Contestant& contestant : contestants) {
    const std::vector<TunedParameter> tuned = tuned_parameters(*contestant.make_optimizer());
    const long candidates =
        settings.search == SearchMethod::Grid
            ? static_cast<long>(std::pow(settings.grid_points, static_cast<double>(tuned.size())))
            : settings.random_trials;
    total += (candidates + 1) * settings.starts;
  }
  long done = 0;
  comparison.cancelled = !tune(objective, contestants, settings, comparison.tuning_starts,
                               comparison.results, done, total) ||
                         !report(objective, contestants, settings, comparison.held_out_starts,
                                 comparison.results, done, total);
  return comparison;
}

}  // namespace lv
