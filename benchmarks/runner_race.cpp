// Time of one race: 8 optimizers × 10,000 steps on the built-in Rosenbrock, run in parallel by
// lv::run_race and one after another by lv::run_optimizer. Target: well under 16 ms (one frame
// at 60 Hz), so a slider drag can re-run every trajectory within a frame.
#include <benchmark/benchmark.h>

#include <string>
#include <utility>
#include <vector>

#include "functions/test_function.hpp"
#include "objective/formula_objective.hpp"
#include "optim/registry.hpp"
#include "run/runner.hpp"

namespace {

constexpr int k_steps = 10000;

// (optimizer, settings) of the race; learning rates that stay finite on Rosenbrock from (-1.2, 1).
const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>&
contestants() {
  static const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>
      list = {{"sgd", {{"lr", "1e-3"}}},     {"sgd", {{"lr", "1e-3"}, {"momentum", "0.9"}}},
              {"adam", {{"lr", "1e-2"}}},    {"adamw", {{"lr", "1e-2"}}},
              {"rmsprop", {{"lr", "1e-3"}}}, {"adagrad", {{"lr", "0.5"}}},
              {"nadam", {{"lr", "1e-3"}}},   {"radam", {{"lr", "3e-3"}}}};
  return list;
}

std::vector<lv::RaceEntry> race_entries() {
  lv::RunSettings settings;
  settings.max_steps = k_steps;
  settings.gradient_tolerance = 0.0;  // every contestant runs all steps
  std::vector<lv::RaceEntry> entries;
  for (const auto& [name, values] : contestants()) {
    auto optimizer = lv::make_optimizer(name);
    for (const auto& [key, value] : values) optimizer->hyperparameters().set_from_text(key, value);
    entries.push_back({std::move(optimizer), nullptr, lv::Vec{{-1.2, 1.0}}, settings});
  }
  return entries;
}

const lv::FormulaObjective& rosenbrock() {
  static const lv::FormulaObjective objective(lv::find_test_function("rosenbrock").expr());
  return objective;
}

// Fails the benchmark if a contestant stopped early (a race that diverges measures nothing).
bool all_ran_to_the_end(benchmark::State& state, const std::vector<lv::Trajectory>& runs) {
  for (const lv::Trajectory& run : runs) {
    if (run.size() != k_steps + 1) {
      state.SkipWithError("a contestant stopped before 10,000 steps");
      return false;
    }
  }
  return true;
}

void report(benchmark::State& state) {
  const double steps = static_cast<double>(contestants().size()) * k_steps;
  state.counters["steps"] =
      benchmark::Counter(steps, benchmark::Counter::kIsIterationInvariantRate);
}

void race_in_parallel(benchmark::State& state) {
  std::vector<lv::RaceEntry> entries = race_entries();
  for (auto _ : state) {
    std::vector<lv::Trajectory> runs = lv::run_race(rosenbrock(), entries);
    if (!all_ran_to_the_end(state, runs)) return;
    benchmark::DoNotOptimize(runs);
  }
  report(state);
}

void race_sequentially(benchmark::State& state) {
  std::vector<lv::RaceEntry> entries = race_entries();
  for (auto _ : state) {
    std::vector<lv::Trajectory> runs;
    for (lv::RaceEntry& entry : entries) {
      runs.push_back(lv::run_optimizer(rosenbrock(), *entry.optimizer, entry.schedule.get(),
                                       entry.start, entry.settings));
    }
    if (!all_ran_to_the_end(state, runs)) return;
    benchmark::DoNotOptimize(runs);
  }
  report(state);
}

}  // namespace

// CPU time summed over the race threads, to compare with the sequential run.
BENCHMARK(race_in_parallel)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
BENCHMARK(race_sequentially)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
