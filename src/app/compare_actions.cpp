#include "compare_actions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

#include "common/errors.hpp"
#include "common/text.hpp"
#include "compare/comparison_table.hpp"
#include "compare/tuning_space.hpp"
#include "files/atomic_file.hpp"
#include "optim/registry.hpp"
#include "state_actions.hpp"

namespace lv::app {
namespace {

// A factory for copies of `optimizer` as configured now (every run builds its own).
std::function<std::unique_ptr<Optimizer>()> optimizer_factory(const Optimizer& optimizer) {
  return [name = optimizer.name(), parameters = optimizer.hyperparameters()] {
    std::unique_ptr<Optimizer> copy = make_optimizer(name);
    copy->hyperparameters() = parameters;
    return copy;
  };
}

std::function<std::unique_ptr<Schedule>()> schedule_factory(const Schedule* schedule) {
  if (!schedule) return nullptr;
  return [name = schedule->name(), parameters = schedule->hyperparameters()] {
    std::unique_ptr<Schedule> copy = make_schedule(name);
    copy->hyperparameters() = parameters;
    return copy;
  };
}

// The Optimizers panel slot a result applies to: its own slot while that still holds the same
// optimizer, else the first slot with that optimizer; -1 when none has it.
int target_slot(const AppState& state, size_t result) {
  const CompareState& compare = state.compare;
  const int slot = compare.slots[result];
  const std::string& name = compare.names[result];
  if (slot >= 0 && slot < static_cast<int>(state.optimizers.size()) &&
      state.optimizers[static_cast<size_t>(slot)].optimizer->name() == name) {
    return slot;
  }
  for (size_t i = 0; i < state.optimizers.size(); ++i) {
    if (state.optimizers[i].optimizer->name() == name) return static_cast<int>(i);
  }
  return -1;
}

int whole_number(const std::string& key, const std::string& value, int min, int max) {
  const auto number = parse_whole_number(value, min, max);
  if (!number) {
    throw InputError("--compare-set " + key + ": expected a whole number in [" +
                     std::to_string(min) + ", " + std::to_string(max) + "], got '" + value + "'");
  }
  return *number;
}

}  // namespace

ComparisonSettings comparison_settings(const AppState& state) {
  const CompareConfig& config = state.compare.config;
  ComparisonSettings settings;
  settings.steps = config.evaluation_budget ? 1 : config.budget;
  settings.evaluation_budget = config.evaluation_budget ? config.budget : 0;
  settings.search = config.random_search ? SearchMethod::Random : SearchMethod::Grid;
  settings.grid_points = config.grid_points;
  settings.random_trials = config.trials;
  settings.starts = config.starts;
  const ViewBox& box = state.function.domain;
  settings.box_x_min = box.x_min, settings.box_x_max = box.x_max;
  settings.box_y_min = box.y_min, settings.box_y_max = box.y_max;
  settings.seed = static_cast<uint64_t>(state.run.seed);
  settings.run.noise_sigma = state.run.noise_sigma;
  settings.run.clip.max_norm = state.run.clip_norm;
  settings.run.clip.max_value = state.run.clip_value;
  if (state.function.builtin >= 0) {
    const TestFunction& function = test_functions()[static_cast<size_t>(state.function.builtin)];
    for (const CriticalPoint& point : function.critical_points) {
      // The known global minimum (from the literature) plus the tolerance, as lossviz-cli does.
      if (point.kind == CriticalKind::GlobalMinimum)
        settings.target_loss = point.value + config.tolerance;
    }
  }
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  settings.threads = static_cast<int>(std::max(1u, hardware - 1));
  return settings;
}

std::vector<Contestant> comparison_contestants(AppState& state) {
  CompareState& compare = state.compare;
  compare.slots.clear();
  compare.names.clear();
  compare.colors.clear();
  std::vector<Contestant> contestants;
  const auto make_schedule_copy = schedule_factory(state.run.schedule.get());
  if (compare.config.panel_optimizers) {
    for (size_t i = 0; i < state.optimizers.size(); ++i) {
      const OptimizerSlot& slot = state.optimizers[i];
      const std::string label = slot.label.empty() ? slot.optimizer->name() : slot.label;
      contestants.push_back({label, optimizer_factory(*slot.optimizer), make_schedule_copy});
      compare.slots.push_back(static_cast<int>(i));
      compare.names.push_back(slot.optimizer->name());
      compare.colors.push_back(slot.color);
    }
    return contestants;
  }
  for (const std::string& name : compare.config.ticked) {
    const std::unique_ptr<Optimizer> optimizer = make_optimizer(name);
    contestants.push_back({name, optimizer_factory(*optimizer), make_schedule_copy});
    compare.slots.push_back(-1);
    compare.names.push_back(name);
    compare.colors.push_back(palette_color(compare.colors.size()));
  }
  return contestants;
}

long comparison_run_count(const AppState& state) {
  const CompareConfig& config = state.compare.config;
  const auto runs_for = [&](const Optimizer& optimizer) {
    const double tuned = static_cast<double>(tuned_parameters(optimizer).size());
    const double settings =
        config.random_search ? config.trials : std::pow(config.grid_points, tuned);
    return static_cast<long>((settings + 1) * config.starts);
  };
  long runs = 0;
  if (config.panel_optimizers) {
    for (const OptimizerSlot& slot : state.optimizers) runs += runs_for(*slot.optimizer);
  } else {
    for (const std::string& name : config.ticked) runs += runs_for(*make_optimizer(name));
  }
  return runs;
}

void start_comparison(AppState& state) {
  CompareState& compare = state.compare;
  std::vector<Contestant> contestants = comparison_contestants(state);
  if (contestants.empty()) {
    throw InputError(compare.config.panel_optimizers
                         ? "add an optimizer in the Optimizers panel (or tick registered ones)"
                         : "tick at least one optimizer to compare");
  }
  const ComparisonSettings settings = comparison_settings(state);
  compare.has_target = !std::isnan(settings.target_loss);
  const CompareConfig& config = compare.config;
  compare.caption = (state.function.builtin >= 0
                         ? test_functions()[static_cast<size_t>(state.function.builtin)].name
                         : "f = " + state.function.expr.text()) +
                    ", " + std::to_string(config.budget) +
                    (config.evaluation_budget ? " evaluations" : " steps") + ", " +
                    std::to_string(config.starts) + " held-out starts, " +
                    (config.random_search ? std::to_string(config.trials) + " random settings"
                                          : std::to_string(config.grid_points) + "-point grid") +
                    ", seed " + std::to_string(state.run.seed);
  compare.message.clear();
  compare.session->start(race_objective(state.function), std::move(contestants), settings);
  compare.snapshot = compare.session->snapshot();
}

void update_comparison(AppState& state) {
  CompareState& compare = state.compare;
  compare.snapshot = compare.session->snapshot();
  if (compare.snapshot.version == compare.shown_version) return;
  compare.shown_version = compare.snapshot.version;
  if (compare.snapshot.comparison && !compare.snapshot.failed) compare.show_results = true;
}

int use_best_settings(AppState& state) {
  const std::shared_ptr<const Comparison> comparison = state.compare.snapshot.comparison;
  if (!comparison) throw InputError("no comparison results yet");
  int changed = 0;
  for (size_t c = 0; c < comparison->results.size() && c < state.compare.names.size(); ++c) {
    const ContestantResult& result = comparison->results[c];
    int slot = target_slot(state, c);
    if (slot < 0) {  // keeps the color it had in the results
      add_optimizer(state, state.compare.names[c]);
      slot = static_cast<int>(state.optimizers.size()) - 1;
      if (c < state.compare.colors.size()) state.optimizers.back().color = state.compare.colors[c];
    }
    apply_setting(*state.optimizers[static_cast<size_t>(slot)].optimizer, result.tuned,
                  result.best_setting);
    ++changed;
  }
  state.run.stale = true;
  state.playback.step = 0.0;
  state.playback.playing = true;
  return changed;
}

void write_comparison_csv(const AppState& state, const std::string& path) {
  const std::shared_ptr<const Comparison> comparison = state.compare.snapshot.comparison;
  if (!comparison) throw InputError("no comparison results to export yet");
  write_file_atomically(path, comparison_csv(*comparison));
}

void set_compare_option(CompareConfig& config, const std::string& key, const std::string& value) {
  if (key == "steps" || key == "evals") {
    config.evaluation_budget = key == "evals";
    config.budget = whole_number(key, value, 1, 1000000);
  } else if (key == "starts") {
    config.starts = whole_number(key, value, 1, 10000);
  } else if (key == "search") {
    if (value != "grid" && value != "random")
      throw InputError("--compare-set search: expected grid or random, got '" + value + "'");
    config.random_search = value == "random";
  } else if (key == "grid-points") {
    config.grid_points = whole_number(key, value, 2, 1000);
  } else if (key == "trials") {
    config.trials = whole_number(key, value, 1, 100000);
  } else if (key == "tolerance") {
    const auto number = parse_double(value);
    if (!number || !(*number >= 0) || !std::isfinite(*number))
      throw InputError("--compare-set tolerance: expected a number >= 0, got '" + value + "'");
    config.tolerance = *number;
  } else if (key == "optimizers") {
    config.panel_optimizers = false;
    config.ticked = split(value, ',');
    for (const std::string& name : config.ticked) make_optimizer(name);  // names the unknown one
  } else {
    throw InputError("--compare-set: unknown key '" + key +
                     "' (steps, evals, starts, search, grid-points, trials, tolerance, "
                     "optimizers)");
  }
}

}  // namespace lv::app
