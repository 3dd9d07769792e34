// The Compare panel: its comparison is built from the app state as lossviz-cli compare builds it
// from flags, runs on the worker (progress, cancel), and its best settings reach the Optimizers
// panel. Under xvfb-run, the headless --compare mode gives the CLI's results table byte for byte
// for the same settings and seed, while frames keep being drawn.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <string>

#include "common/errors.hpp"
#include "compare/comparison_table.hpp"
#include "compare_actions.hpp"
#include "gui_process.hpp"
#include "process.hpp"
#include "state_actions.hpp"

namespace {

int builtin_index(const std::string& name) {
  const auto& functions = lv::test_functions();
  return static_cast<int>(
      std::find_if(functions.begin(), functions.end(),
                   [&](const lv::TestFunction& function) { return function.name == name; }) -
      functions.begin());
}

// f = ½(x² + y²) with one SGD in the Optimizers panel.
lv::app::AppState half_squared_norm_state() {
  lv::app::AppState state;
  state.function.editor_text = "0.5*(x^2 + y^2)";
  REQUIRE(lv::app::apply_formula_text(state));
  lv::app::add_optimizer(state, "sgd");
  return state;
}

std::string scratch(const std::string& name) {
  return lv::test::temporary("compare-" + name);
}

}  // namespace

TEST_CASE("compare: settings come from the function's box, the Run section and its known minimum") {
  lv::app::AppState state;
  lv::app::select_builtin_function(state, builtin_index("rosenbrock"));
  state.run.seed = 5;
  state.run.noise_sigma = 0.25;
  state.run.clip_norm = 3.0;
  state.compare.config.budget = 300;
  state.compare.config.tolerance = 1e-3;
  const lv::ComparisonSettings settings = lv::app::comparison_settings(state);
  const lv::ViewBox& box = lv::find_test_function("rosenbrock").view;
  CHECK(settings.box_x_min == box.x_min);
  CHECK(settings.box_y_max == box.y_max);
  CHECK(settings.steps == 300);
  CHECK(settings.evaluation_budget == 0);
  CHECK(settings.seed == 5);
  CHECK(settings.run.noise_sigma == 0.25);
  CHECK(settings.run.clip.max_norm == 3.0);
  // Rosenbrock's global minimum is f(1, 1) = 0 (Rosenbrock 1960), so the target is 0 + 1e-3.
  CHECK(settings.target_loss == doctest::Approx(1e-3));

  state.compare.config.evaluation_budget = true;
  CHECK(lv::app::comparison_settings(state).evaluation_budget == 300);
  state.function.editor_text = "x^2 + y^2 + 1";  // a typed formula: no known minimum, no target
  REQUIRE(lv::app::apply_formula_text(state));
  CHECK(std::isnan(lv::app::comparison_settings(state).target_loss));
}

TEST_CASE(
    "compare: panel optimizers keep their other settings and label; ticked ones use defaults") {
  lv::app::AppState state = half_squared_norm_state();
  state.optimizers[0].label = "heavy ball";
  state.optimizers[0].optimizer->hyperparameters().set("momentum", 0.9);
  std::vector<lv::Contestant> contestants = lv::app::comparison_contestants(state);
  REQUIRE(contestants.size() == 1);
  CHECK(contestants[0].label == "heavy ball");
  CHECK(contestants[0].make_optimizer()->hyperparameters().get("momentum") == 0.9);
  CHECK(state.compare.slots == std::vector<int>{0});

  state.compare.config.panel_optimizers = false;
  state.compare.config.ticked = {"adam", "rmsprop"};
  contestants = lv::app::comparison_contestants(state);
  REQUIRE(contestants.size() == 2);
  CHECK(contestants[1].label == "rmsprop");
  CHECK(state.compare.slots == std::vector<int>{-1, -1});
  // Each of the 2 optimizers tunes lr only: (13 grid settings + 1 held-out) x 8 starts.
  CHECK(lv::app::comparison_run_count(state) == 2 * 14 * 8);
}

TEST_CASE(
    "compare: the worker finds sgd's closed-form best lr = 1 on ½‖x‖² and 'use best' sets it") {
  // Gradient descent maps x to (1 − lr)·x on ½‖x‖², so lr = 1 (a grid point, the slider's top)
  // reaches loss 0 in one step from every start; any other lr leaves a positive loss.
  lv::app::AppState state = half_squared_norm_state();
  state.compare.config.budget = 20;
  state.compare.config.grid_points = 11;
  state.compare.config.starts = 3;
  lv::app::start_comparison(state);
  state.compare.session->wait();
  lv::app::update_comparison(state);
  const lv::app::CompareSnapshot& snapshot = state.compare.snapshot;
  REQUIRE(snapshot.comparison);
  CHECK_FALSE(snapshot.running);
  CHECK(snapshot.done == snapshot.total);
  CHECK(snapshot.total == (11 + 1) * 3);
  CHECK(state.compare.show_results);
  const lv::ContestantResult& result = snapshot.comparison->results.at(0);
  CHECK(result.best_setting.at(0) == doctest::Approx(1.0));
  CHECK(result.median == 0.0);

  CHECK(state.optimizers[0].optimizer->hyperparameters().get("lr") != doctest::Approx(1.0));
  CHECK(lv::app::use_best_settings(state) == 1);
  CHECK(state.optimizers[0].optimizer->hyperparameters().get("lr") == doctest::Approx(1.0));
  CHECK(state.run.stale);

  // A ticked optimizer the panel lacks is added with its best setting.
  state.compare.config.panel_optimizers = false;
  state.compare.config.ticked = {"adagrad"};
  lv::app::start_comparison(state);
  state.compare.session->wait();
  lv::app::update_comparison(state);
  CHECK(lv::app::use_best_settings(state) == 1);
  REQUIRE(state.optimizers.size() == 2);
  CHECK(state.optimizers[1].optimizer->name() == "adagrad");
  CHECK(state.optimizers[1].color == state.compare.colors.at(0));
  CHECK(state.optimizers[1].optimizer->hyperparameters().get("lr") ==
        state.compare.snapshot.comparison->results[0].best_setting[0]);
}

TEST_CASE("compare: cancel stops the worker early and keeps the previous result on show") {
  lv::app::AppState state = half_squared_norm_state();
  state.compare.config.budget = 5;
  state.compare.config.starts = 2;
  lv::app::start_comparison(state);
  state.compare.session->wait();
  lv::app::update_comparison(state);
  const auto previous = state.compare.snapshot.comparison;
  REQUIRE(previous);
  // About 20 million steps: far longer than the test waits.
  state.compare.config.budget = 20000;
  state.compare.config.grid_points = 1000;
  state.compare.config.starts = 1000;
  lv::app::start_comparison(state);
  CHECK(state.compare.session->busy());
  state.compare.session->cancel();
  state.compare.session->wait();
  lv::app::update_comparison(state);
  const lv::app::CompareSnapshot& snapshot = state.compare.snapshot;
  CHECK_FALSE(snapshot.running);
  CHECK(snapshot.message.rfind("cancelled", 0) == 0);
  CHECK(snapshot.done < 1001 * 1000);
  CHECK(snapshot.comparison == previous);
}

TEST_CASE("compare: bad settings are errors naming the key; CSV export needs a result") {
  lv::app::CompareConfig config;
  CHECK_THROWS_WITH_AS(lv::app::set_compare_option(config, "stepz", "10"),
                       doctest::Contains("unknown key 'stepz'"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::app::set_compare_option(config, "starts", "1.5"),
                       doctest::Contains("--compare-set starts"), lv::InputError);
  CHECK_THROWS_WITH_AS(lv::app::set_compare_option(config, "optimizers", "sgd,adamm"),
                       doctest::Contains("adamm"), lv::InputError);
  lv::app::set_compare_option(config, "evals", "150");
  CHECK(config.evaluation_budget);
  CHECK(config.budget == 150);
  lv::app::set_compare_option(config, "search", "random");
  CHECK(config.random_search);

  lv::app::AppState state = half_squared_norm_state();
  CHECK_THROWS_AS(lv::app::write_comparison_csv(state, scratch("none.csv")), lv::InputError);
  state.optimizers.clear();
  CHECK_THROWS_WITH_AS(lv::app::start_comparison(state), doctest::Contains("add an optimizer"),
                       lv::InputError);
}

TEST_CASE("compare: the app's headless comparison writes the CLI's table for the same settings") {
  const std::string gui_csv = scratch("gui.csv"), cli_csv = scratch("cli.csv");
  const std::string screenshot = scratch("compare.png");
  // The scene: Booth's function, sgd and adam at their defaults (unlabelled), seed 3.
  const lv::test::ProcessResult gui =
      lv::test::run_process(lv::test::gui_launcher() + " --size 1280x720 --frames 2 --scene " +
                            LOSSVIZ_GUI_TEST_DATA_DIR + "/compare_booth.json --compare " + gui_csv +
                            " --compare-set steps=20000 --compare-set starts=10"
                            " --screenshot " +
                            screenshot);
  INFO("app stderr: " << gui.err);
  REQUIRE(gui.exit_code == 0);
  const lv::test::ProcessResult cli = lv::test::run_process(lv::test::cli(
      "compare --function booth --optimizer sgd --optimizer adam --steps 20000 --starts 10 "
      "--seed 3 --out " +
      cli_csv));
  INFO("cli stderr: " << cli.err);
  REQUIRE(cli.exit_code == 0);
  const std::string table = lv::test::slurp(gui_csv);
  CHECK(table.rfind("optimizer,best_setting,", 0) == 0);
  CHECK(std::count(table.begin(), table.end(), '\n') == 3);
  CHECK(table == lv::test::slurp(cli_csv));
  // The frame loop kept drawing while the worker tuned (the message counts those frames): the
  // 280 runs, many of them the full 20000 steps at tiny learning rates, take about 0.5 s here.
  const size_t at = gui.err.find(" frames drawn meanwhile");
  REQUIRE(at != std::string::npos);
  const size_t number_start = gui.err.rfind(' ', at - 1) + 1;
  CHECK(std::stoi(gui.err.substr(number_start, at - number_start)) >= 2);
  std::remove(gui_csv.c_str());
  std::remove(cli_csv.c_str());
  std::remove(screenshot.c_str());
}
