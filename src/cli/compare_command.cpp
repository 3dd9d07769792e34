// lossviz-cli compare: the fair-comparison harness. Tunes each optimizer's tunable
// hyperparameters on one set of random start points and seeds, reports its best setting on a
// held-out set (table on stdout, CSV/JSON with --out, a figure with --figure). docs/compare.md.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/run_setup.hpp"
#include "cli/selection.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"
#include "compare/comparison.hpp"
#include "compare/comparison_table.hpp"
#include "files/atomic_file.hpp"
#include "grid/sampled_grid.hpp"
#include "optim/registry.hpp"
#include "plot/figure_export.hpp"

namespace lv::cli {

namespace {

std::vector<FlagSpec> compare_flags() {
  std::vector<FlagSpec> specs = selection_flags();
  for (FlagSpec& spec : run_setup_flags()) {
    if (spec.name != "start") specs.push_back(std::move(spec));  // compare draws its own starts
  }
  for (const char* name : {"evals", "starts", "search", "grid-points", "trials", "target",
                           "threads", "xrange", "yrange", "out", "figure", "dpi"}) {
    specs.push_back({name});
  }
  return specs;
}

// Every --optimizer with the --set values after it, as factories (each run builds its own).
std::vector<Contestant> contestants_from_flags(const Arguments& arguments) {
  std::vector<Contestant> contestants;
  std::vector<std::vector<std::pair<std::string, std::string>>> assignments;
  for (const Flag& flag : arguments.flags()) {
    if (flag.name == "optimizer") {
      make_optimizer(flag.value);  // rejects an unknown name now, with a suggestion
      contestants.push_back({flag.value, nullptr, nullptr});
      assignments.emplace_back();
    } else if (flag.name == "set") {
      if (contestants.empty())
        throw InputError("--set " + flag.value + " comes before any --optimizer");
      assignments.back().push_back(split_assignment(flag.value, "set"));
    }
  }
  if (contestants.empty())
    throw InputError("missing --optimizer NAME; see 'lossviz-cli list optimizers'");
  const bool has_schedule = arguments.has("schedule");
  if (has_schedule) schedule_from_flags(arguments);  // validates --schedule and --sched-set now
  for (size_t c = 0; c < contestants.size(); ++c) {
    const std::string name = contestants[c].label;
    const auto fixed = assignments[c];
    contestants[c].make_optimizer = [name, fixed] {
      std::unique_ptr<Optimizer> optimizer = make_optimizer(name);
      for (const auto& [key, value] : fixed) {
        try {
          optimizer->hyperparameters().set_from_text(key, value);
        } catch (const InputError& error) {
          throw InputError("--set (" + name + "): " + error.what());
        }
      }
      return optimizer;
    };
    contestants[c].make_optimizer();  // reports a bad --set before any run starts
    for (const auto& [key, value] : fixed) contestants[c].label += " " + key + "=" + value;
    if (has_schedule)
      contestants[c].make_schedule = [&arguments] { return schedule_from_flags(arguments); };
  }
  return contestants;
}

void read_range(const Arguments& arguments, const std::string& name, double& low, double& high) {
  const auto text = arguments.value(name);
  if (!text) return;
  const size_t colon = text->find(':');
  const auto a = colon == std::string::npos ? std::nullopt : parse_double(text->substr(0, colon));
  const auto b = colon == std::string::npos ? std::nullopt : parse_double(text->substr(colon + 1));
  if (!a || !b || !std::isfinite(*a) || !std::isfinite(*b) || !(*b > *a)) {
    throw InputError("--" + name + ": expected LOW:HIGH with LOW < HIGH, got '" + *text + "'");
  }
  low = *a;
  high = *b;
}

ComparisonSettings comparison_settings(const Arguments& arguments, const Selection& selection) {
  ComparisonSettings settings;
  settings.run = settings_from_flags(arguments);
  settings.steps = arguments.integer("steps").value_or(200);
  if (settings.steps < 1) throw InputError("--steps must be >= 1");
  if (const auto evals = arguments.integer("evals")) {
    if (*evals < 1) throw InputError("--evals must be >= 1");
    if (arguments.has("steps"))
      throw InputError("give either --steps or --evals as the budget, not both");
    settings.evaluation_budget = *evals;
  }
  settings.starts = arguments.integer("starts").value_or(8);
  if (settings.starts < 1 || settings.starts > 10000)
    throw InputError("--starts must be between 1 and 10000");
  const std::string search = arguments.value("search").value_or("grid");
  if (search != "grid" && search != "random")
    throw InputError("--search: expected grid or random, got '" + search + "'");
  settings.search = search == "grid" ? SearchMethod::Grid : SearchMethod::Random;
  settings.grid_points = arguments.integer("grid-points").value_or(13);
  if (settings.grid_points < 2 || settings.grid_points > 1000)
    throw InputError("--grid-points must be between 2 and 1000");
  settings.random_trials = arguments.integer("trials").value_or(40);
  if (settings.random_trials < 1 || settings.random_trials > 100000)
    throw InputError("--trials must be between 1 and 100000");
  settings.threads = arguments.integer_between("threads", 0, 1024, 0);  // 0: all cores
  if (settings.threads < 0) throw InputError("--threads must be >= 0 (0: one per hardware thread)");
  settings.seed = settings.run.seed;
  if (selection.function) {
    const ViewBox& view = selection.function->view;
    settings.box_x_min = view.x_min, settings.box_x_max = view.x_max;
    settings.box_y_min = view.y_min, settings.box_y_max = view.y_max;
    for (const CriticalPoint& point : selection.function->critical_points) {
      // The known global minimum (from the literature) plus a small tolerance.
      if (point.kind == CriticalKind::GlobalMinimum) settings.target_loss = point.value + 1e-4;
    }
  }
  read_range(arguments, "xrange", settings.box_x_min, settings.box_x_max);
  read_range(arguments, "yrange", settings.box_y_min, settings.box_y_max);
  if (const auto target = arguments.number("target")) settings.target_loss = *target;
  return settings;
}

void print_table(const Comparison& comparison, const ComparisonSettings& settings) {
  std::printf("%-28s %-22s %12s %12s %12s %9s %14s\n", "optimizer", "best setting", "median", "q1",
              "q3", "diverged", "steps@target");
  for (const ContestantResult& result : comparison.results) {
    const auto [median_steps, reached] = target_summary(result);
    char target[32] = "-";
    if (!std::isnan(settings.target_loss)) {
      if (reached > 0) {
        std::snprintf(target, sizeof target, "%.0f (%d/%zu)", median_steps, reached,
                      result.final_losses.size());
      } else {
        std::snprintf(target, sizeof target, "never (0/%zu)", result.final_losses.size());
      }
    }
    std::printf("%-28s %-22s %12.4g %12.4g %12.4g %4d/%-4zu %14s\n", result.label.c_str(),
                best_setting_text(result).c_str(), result.median, result.lower_quartile,
                result.upper_quartile, result.diverged, result.final_losses.size(), target);
  }
}

nlohmann::json number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json();
}

std::string comparison_json(const Comparison& comparison, const ComparisonSettings& settings,
                            const Selection& selection) {
  nlohmann::json results = nlohmann::json::array();
  for (const ContestantResult& result : comparison.results) {
    nlohmann::json best = nlohmann::json::object();
    for (size_t k = 0; k < result.tuned.size(); ++k)
      best[result.tuned[k].name] = result.best_setting[k];
    nlohmann::json losses = nlohmann::json::array();
    for (double loss : result.final_losses) losses.push_back(number_or_null(loss));
    results.push_back({{"optimizer", result.label},
                       {"best", best},
                       {"settings_tried", result.settings_tried},
                       {"tuning_median", number_or_null(result.tuning_score)},
                       {"median", number_or_null(result.median)},
                       {"q1", number_or_null(result.lower_quartile)},
                       {"q3", number_or_null(result.upper_quartile)},
                       {"diverged", result.diverged},
                       {"final_losses", losses},
                       {"steps_to_target", result.steps_to_target}});
  }
  auto points = [](const std::vector<Vec>& starts) {
    nlohmann::json list = nlohmann::json::array();
    for (const Vec& start : starts)
      list.push_back(std::vector<double>(start.data(), start.data() + start.size()));
    return list;
  };
  const nlohmann::json document = {
      {"function", selection.label},
      {"budget", settings.evaluation_budget > 0
                     ? nlohmann::json{{"evaluations", settings.evaluation_budget}}
                     : nlohmann::json{{"steps", settings.steps}}},
      {"search", settings.search == SearchMethod::Grid ? "grid" : "random"},
      {"seed", settings.seed},
      {"target_loss", number_or_null(settings.target_loss)},
      {"tuning_starts", points(comparison.tuning_starts)},
      {"held_out_starts", points(comparison.held_out_starts)},
      {"results", results}};
  return document.dump(1) + "\n";
}

void write_figure(const std::string& path, double dpi, const Comparison& comparison,
                  const ComparisonSettings& settings, const Selection& selection) {
  Figure figure;
  figure.width_inches = 12.0;
  figure.title = "Tuned comparison on " +
                 (selection.function ? selection.function->title : selection.label) +
                 (settings.evaluation_budget > 0
                      ? " (" + std::to_string(settings.evaluation_budget) + " evaluations)"
                      : " (" + std::to_string(settings.steps) + " steps)");
  BoxPanel boxes;
  boxes.title = "final loss on " + std::to_string(settings.starts) + " held-out starts";
  LandscapePanel landscape;
  landscape.log_scale = true;
  landscape.levels = 14;
  for (size_t c = 0; c < comparison.results.size(); ++c) {
    const ContestantResult& result = comparison.results[c];
    const Color color = run_color(static_cast<int>(c));
    boxes.series.push_back({result.label, color, result.final_losses});
    figure.runs.push_back(make_plot_run(
        result.best_trajectory, result.label + " (" + best_setting_text(result) + ")", color));
  }
  landscape.grid =
      sample_formula(selection.objective.expr(), settings.box_x_min, settings.box_x_max,
                     settings.box_y_min, settings.box_y_max, 200, 200);
  figure.columns = {{1.0, {boxes}}, {1.35, {landscape}}};
  save_figure(figure, path, dpi);
}

}  // namespace

int compare_command(const Args& args) {
  const Arguments arguments(args, compare_flags());
  const Selection selection = select_objective(arguments);
  const std::vector<Contestant> contestants = contestants_from_flags(arguments);
  ComparisonSettings settings = comparison_settings(arguments, selection);
  const auto out = arguments.value("out");
  if (out && !out->ends_with(".csv") && !out->ends_with(".json")) {
    throw InputError("--out: expected a .csv or .json file, got '" + *out + "'");
  }
  const auto figure = arguments.value("figure");
  if (figure && !figure->ends_with(".svg") && !figure->ends_with(".png") &&
      !figure->ends_with(".pdf")) {
    throw InputError("--figure: expected a .svg, .png or .pdf file, got '" + *figure + "'");
  }
  const double dpi = arguments.number("dpi").value_or(150.0);
  // Every output is checked before the comparison runs, so a bad flag never leaves one file
  // written and another not.
  if (figure && !(dpi >= 10.0 && dpi <= 2400.0))
    throw InputError("--dpi must be between 10 and 2400");
  if (out) check_output_file(*out, "--out");
  if (figure) check_output_file(*figure, "--figure");
  int last_percent = -1;
  settings.progress = [&last_percent](long done, long total) {
    const int percent = static_cast<int>(100 * done / std::max(total, 1L));
    if (percent == last_percent) return;
    last_percent = percent;
    std::fprintf(stderr, "\rcompare: %3d%% (%ld/%ld runs)", percent, done, total);
    if (done == total) std::fprintf(stderr, "\n");
  };
  const Comparison comparison = compare_optimizers(selection.target(), contestants, settings);
  if (last_percent >= 0 && last_percent < 100) std::fprintf(stderr, "\n");
  print_table(comparison, settings);
  if (out) {
    write_file_atomically(*out, out->ends_with(".json")
                                    ? comparison_json(comparison, settings, selection)
                                    : comparison_csv(comparison));
  }
  if (figure) write_figure(*figure, dpi, comparison, settings, selection);
  return 0;
}

}  // namespace lv::cli
