// The fair-comparison harness: tuning spaces from descriptors, budgets, quantiles (numpy's
// default definition), the thread pool, and a full comparison whose best setting is known in
// closed form.
#include <doctest/doctest.h>

#include <atomic>
#include <cmath>
#include <limits>

#include "common/errors.hpp"
#include "common/quantile.hpp"
#include "compare/comparison.hpp"
#include "compare/comparison_table.hpp"
#include "compare/parallel_for.hpp"
#include "expr/expr.hpp"
#include "objective/formula_objective.hpp"
#include "optim/registry.hpp"

namespace {

constexpr double k_infinity = std::numeric_limits<double>::infinity();

lv::Contestant sgd_contestant() {
  return {"sgd", [] { return lv::make_optimizer("sgd"); }, nullptr};
}

}  // namespace

TEST_CASE("sgd tunes lr over its slider range in log space") {
  const auto tuned = lv::tuned_parameters(*lv::make_optimizer("sgd"));
  REQUIRE(tuned.size() == 1);
  CHECK(tuned[0].name == "lr");
  CHECK(tuned[0].low == 1e-5);
  CHECK(tuned[0].high == 1.0);
  CHECK(tuned[0].log_scale);
}

TEST_CASE(
    "grid settings are log-spaced with both ends; random ones are reproducible and in range") {
  const std::vector<lv::TunedParameter> parameters = {{"lr", 1e-5, 1.0, true, false},
                                                      {"momentum", 0.0, 0.9, false, false}};
  const auto grid = lv::grid_settings(parameters, 6);
  REQUIRE(grid.size() == 36);
  // lr: 10^-5 ... 10^0 in 5 equal log steps; momentum 0, 0.18, ..., 0.9.
  CHECK(grid[0][0] == doctest::Approx(1e-5));
  CHECK(grid[6][0] == doctest::Approx(1e-4));
  CHECK(grid[35][0] == doctest::Approx(1.0));
  CHECK(grid[1][1] == doctest::Approx(0.18));
  CHECK(grid[35][1] == doctest::Approx(0.9));
  CHECK_THROWS_AS(lv::grid_settings(parameters, 400, 1000), lv::InputError);

  const auto first = lv::random_settings(parameters, 50, 3);
  CHECK(first == lv::random_settings(parameters, 50, 3));
  CHECK(first != lv::random_settings(parameters, 50, 4));
  for (const auto& setting : first) {
    CHECK(setting[0] >= 1e-5);
    CHECK(setting[0] <= 1.0);
    CHECK(setting[1] >= 0.0);
    CHECK(setting[1] <= 0.9);
  }
}

TEST_CASE("quantiles follow numpy's default (linear) definition") {
  // numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.75]) = [1.75, 2.5, 3.25]
  const std::vector<double> values = {1, 2, 3, 4};
  CHECK(lv::quantile_sorted(values, 0.25) == doctest::Approx(1.75));
  CHECK(lv::quantile_sorted(values, 0.5) == doctest::Approx(2.5));
  CHECK(lv::quantile_sorted(values, 0.75) == doctest::Approx(3.25));
  CHECK(lv::quantile_sorted({1, 2, k_infinity, k_infinity}, 0.75) == k_infinity);
  CHECK(lv::quantile_sorted({1, 2, 3, k_infinity}, 0.5) == doctest::Approx(2.5));
}

TEST_CASE("final loss and steps to target respect the evaluation budget") {
  lv::Trajectory trajectory(2);
  const lv::Vec point = lv::Vec::Zero(2);
  // Losses 8, 4, 2, 1 with cumulative evaluations 0, 2, 4, 6 (two per step).
  for (int row = 0; row < 4; ++row)
    trajectory.append(point, 8.0 / (1 << row), 1.0, 0.0, 0.1, 2 * row);
  CHECK(lv::final_loss(trajectory, 0) == 1.0);
  CHECK(lv::final_loss(trajectory, 5) == 2.0);  // rows with at most 5 evaluations: up to row 2
  CHECK(lv::steps_to_target(trajectory, 2.5, 0) == 2);
  CHECK(lv::steps_to_target(trajectory, 1.0, 4) == -1);
  CHECK(lv::steps_to_target(trajectory, std::nan(""), 0) == -1);
  trajectory.status = lv::RunStatus::Diverged;
  CHECK(lv::final_loss(trajectory, 0) == k_infinity);
  CHECK(lv::final_loss(trajectory, 5) == 2.0);  // the divergence came after the budget
}

TEST_CASE("parallel_for runs every job once and rethrows a job's error") {
  std::vector<std::atomic<int>> hits(1000);
  long last_done = 0;
  lv::parallel_for(
      1000, 4, [&](long i) { ++hits[i]; },
      [&](long done, long total) {
        CHECK(total == 1000);
        last_done = done;
      });
  for (const auto& hit : hits) CHECK(hit == 1);
  CHECK(last_done == 1000);
  CHECK_THROWS_WITH_AS(lv::parallel_for(100, 3,
                                        [](long i) {
                                          if (i == 42) throw lv::InputError("job 42 failed");
                                        }),
                       "job 42 failed", lv::InputError);
}

TEST_CASE("on f = (x² + y²)/2 the tuned sgd picks lr = 1, which reaches the minimum in one step") {
  // Gradient descent on ½‖x‖² maps x to (1 − lr)·x, so lr = 1 (the top of the slider range and a
  // grid point) gives loss 0 after one step from any start; every other grid lr leaves loss > 0.
  const lv::FormulaObjective objective(lv::Expr::parse("0.5*(x^2 + y^2)"));
  lv::ComparisonSettings settings;
  settings.steps = 20;
  settings.grid_points = 11;
  settings.starts = 5;
  settings.target_loss = 1e-12;
  settings.threads = 3;
  const lv::Comparison comparison = lv::compare_optimizers(objective, {sgd_contestant()}, settings);
  REQUIRE(comparison.results.size() == 1);
  const lv::ContestantResult& result = comparison.results[0];
  CHECK(result.settings_tried == 11);
  CHECK(result.best_setting[0] == doctest::Approx(1.0));
  CHECK(result.median == 0.0);
  CHECK(result.final_losses.size() == 5);
  for (int steps : result.steps_to_target) CHECK(steps == 1);
  CHECK(result.best_trajectory.size() == 2);  // converged after one step (zero gradient)
  // The two start sets are different points, and the same seed draws the same ones.
  for (const lv::Vec& tuning : comparison.tuning_starts) {
    for (const lv::Vec& held_out : comparison.held_out_starts)
      CHECK((tuning - held_out).norm() > 0.0);
  }
  std::vector<lv::Vec> tuning, held_out;
  lv::draw_start_sets(settings, 2, tuning, held_out);
  CHECK((tuning[3] - comparison.tuning_starts[3]).norm() == 0.0);
}

TEST_CASE("runs that diverge are reported as +inf and counted") {
  // Plain gradient descent whose lr slider spans [0.5, 1]: on f = 50(x² + y²) each step multiplies
  // x by 1 − 100·lr, |1 − 100·lr| ≥ 49, so every setting leaves the divergence bound within a
  // few steps and every held-out run must be reported diverged (final loss +inf).
  class SteepGd final : public lv::Optimizer {
   public:
    SteepGd()
        : Optimizer("steep_gd",
                    {lv::real_parameter("lr", 0.75, 0.5, 1.0, 0.0, 10.0, true, "step size")}) {}
    void reset(const lv::Vec&) override {}
    void step(const lv::StepContext& context, lv::Vec& x) override {
      x -= context.learning_rate * context.gradient;
    }
  };
  const lv::FormulaObjective objective(lv::Expr::parse("50*(x^2 + y^2)"));
  lv::ComparisonSettings settings;
  settings.steps = 50;
  settings.grid_points = 3;
  settings.starts = 4;
  const lv::Contestant contestant{"steep_gd", [] { return std::make_unique<SteepGd>(); }, nullptr};
  const lv::Comparison comparison = lv::compare_optimizers(objective, {contestant}, settings);
  const lv::ContestantResult& result = comparison.results[0];
  CHECK(result.diverged == 4);
  CHECK(result.median == k_infinity);
  CHECK(result.tuning_score == k_infinity);
  CHECK(result.best_trajectory.status == lv::RunStatus::Diverged);
}

TEST_CASE("parallel_for stops starting jobs once the cancel flag is set") {
  std::atomic<bool> cancel{false};
  std::atomic<long> started{0};
  const long done = lv::parallel_for(
      1000, 2,
      [&](long) {
        if (++started == 25) cancel = true;
      },
      {}, &cancel);
  // Each of the 2 threads may finish the job it had already taken when the flag went up.
  CHECK(done >= 25);
  CHECK(done <= 27);
  CHECK(done == started.load());
}

TEST_CASE("a comparison cancelled from its progress callback stops early and says so") {
  const lv::FormulaObjective objective(lv::Expr::parse("0.5*(x^2 + y^2)"));
  lv::ComparisonSettings settings;
  settings.steps = 20;
  settings.grid_points = 11;
  settings.starts = 5;
  settings.threads = 2;
  std::atomic<bool> cancel{false};
  long last_done = 0, announced_total = 0;
  settings.cancel = &cancel;
  settings.progress = [&](long done, long total) {
    last_done = done;
    announced_total = total;
    if (done == 10) cancel = true;
  };
  const lv::Comparison comparison = lv::compare_optimizers(objective, {sgd_contestant()}, settings);
  CHECK(comparison.cancelled);
  // 11 settings x 5 tuning starts + 5 held-out runs; at most one more run per thread after 10.
  CHECK(announced_total == 11 * 5 + 5);
  CHECK(last_done >= 10);
  CHECK(last_done <= 12);
  CHECK(comparison.results.at(0).final_losses.empty());

  cancel = false;
  settings.progress = nullptr;
  CHECK_FALSE(lv::compare_optimizers(objective, {sgd_contestant()}, settings).cancelled);
}

TEST_CASE("the results CSV has one exact row per optimizer (the CLI's and the app's format)") {
  lv::Comparison comparison;
  lv::ContestantResult result;
  result.label = "sgd momentum=0.9";
  result.tuned = {{"lr", 1e-5, 1.0, true, false}};
  result.best_setting = {0.00121152765862859};
  result.final_losses = {0.5, 0.25, std::numeric_limits<double>::infinity()};
  result.steps_to_target = {12, -1, 30};
  result.diverged = 1;
  // numpy.quantile([0.25, 0.5, inf], [0.5, 0.25, 0.75]) = [0.5, 0.375, inf]
  result.median = 0.5;
  result.lower_quartile = 0.375;
  result.upper_quartile = std::numeric_limits<double>::infinity();
  comparison.results.push_back(result);
  // Median of the steps of the runs that reached the target: (12 + 30) / 2 = 21, 2 of 3 runs.
  CHECK(lv::comparison_csv(comparison) ==
        "optimizer,best_setting,median,q1,q3,diverged,runs,median_steps_to_target,"
        "reached_target\n"
        "sgd momentum=0.9,lr=0.00121,0.5,0.375,inf,1,3,21,2\n");
  CHECK(lv::best_setting_text(result) == "lr=0.00121");
}

TEST_CASE("a label with a comma or a quote is one quoted CSV field (RFC 4180 §2.6-2.7)") {
  lv::Comparison comparison;
  lv::ContestantResult result;
  result.label = "adam, \"fast\"";
  comparison.results.push_back(result);
  const std::string csv = lv::comparison_csv(comparison);
  CHECK(csv.substr(csv.find('\n') + 1, 17) == "\"adam, \"\"fast\"\"\",");
}
