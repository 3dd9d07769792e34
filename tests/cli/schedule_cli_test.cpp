// lossviz-cli run --schedule / list schedules, checked from outside by running the binary. The
// expected lr columns are computed by hand from the torch.optim.lr_scheduler formulas; row k of
// the CSV carries the lr of update k, which uses the lr after k − 1 scheduler steps (row 0: the
// initial lr).
#include <doctest/doctest.h>

#include <algorithm>

#include "common/text.hpp"
#include "process.hpp"

using lv::test::cli;
using lv::test::run_process;

namespace {

// The "lr" column (5th) of a trajectory CSV, header dropped.
std::vector<double> lr_column(const std::string& csv) {
  std::vector<double> column;
  const std::vector<std::string> lines = lv::split(csv, '\n');
  for (size_t i = 1; i < lines.size(); ++i) {
    if (!lines[i].empty()) column.push_back(std::stod(lv::split(lines[i], ',').at(4)));
  }
  return column;
}

void check_column(const std::vector<double>& lrs, const std::vector<double>& expected) {
  REQUIRE(lrs.size() == expected.size());
  for (size_t k = 0; k < lrs.size(); ++k) {
    CAPTURE(k);
    CHECK(lrs[k] == doctest::Approx(expected[k]).epsilon(1e-14));
  }
}

}  // namespace

TEST_CASE("run --schedule step: StepLR(step_size=2, gamma=0.5) on lr 0.1") {
  const auto r =
      run_process(cli("run --function quadratic --optimizer sgd --set lr=0.1 --schedule step "
                      "--sched-set step_size=2 --sched-set gamma=0.5 --steps 6"));
  REQUIRE(r.exit_code == 0);
  // updates 1..6 use t = 0..5: 0.1·0.5^⌊t/2⌋; row 0 is the initial lr
  CHECK(lr_column(r.out) == std::vector<double>{0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025});
}

TEST_CASE("run --schedule: warmup composes with a schedule; cyclic sets its own lr") {
  const auto warm =
      run_process(cli("run --function quadratic --optimizer sgd --set lr=0.1 --schedule constant "
                      "--sched-set warmup_iters=2 --sched-set warmup_start_factor=0.5 --steps 3"));
  REQUIRE(warm.exit_code == 0);
  // 0.1·(0.5 + 0.5·t/2) for t < 2, then 0.1
  check_column(lr_column(warm.out), {0.05, 0.05, 0.075, 0.1});

  const auto cyclic =
      run_process(cli("run --function quadratic --optimizer sgd --set lr=0.3 --schedule cyclic "
                      "--sched-set base_lr=0.01 --sched-set max_lr=0.05 --sched-set step_size_up=2 "
                      "--steps 4"));
  REQUIRE(cyclic.exit_code == 0);
  // triangle 0.01 → 0.05 → 0.01 over 4 steps, whatever the optimizer's lr
  check_column(lr_column(cyclic.out), {0.01, 0.01, 0.03, 0.05, 0.03});
}

TEST_CASE("list schedules shows every schedule with its hyperparameters and defaults") {
  const auto r = run_process(cli("list schedules"));
  REQUIRE(r.exit_code == 0);
  for (const char* text : {"constant",
                           "step ",
                           "multistep",
                           "exponential",
                           "polynomial",
                           "cosine ",
                           "cosine_warm_restarts",
                           "linear",
                           "cyclic",
                           "onecycle",
                           "wsd",
                           "step_size=250",
                           "milestones=500,750",
                           "gamma=0.995",
                           "total_iters=5",
                           "T_max=1000",
                           "T_0=200",
                           "T_mult=1",
                           "eta_min=0",
                           "start_factor=0.3333333333333333",
                           "end_factor=1",
                           "base_lr=0.001",
                           "max_lr=0.01",
                           "step_size_up=2000",
                           "step_size_down=0",
                           "mode=triangular",
                           "total_steps=1000",
                           "pct_start=0.3",
                           "anneal_strategy=cos",
                           "div_factor=25",
                           "final_div_factor=10000",
                           "three_phase=false",
                           "warmup_steps=100",
                           "decay_steps=100",
                           "min_lr_ratio=0.1",
                           "decay_shape=linear"}) {
    CAPTURE(text);
    CHECK(r.out.find(text) != std::string::npos);
  }
  // the warmup settings appear once per schedule
  size_t count = 0;
  for (size_t at = r.out.find("warmup_iters=0"); at != std::string::npos;
       at = r.out.find("warmup_iters=0", at + 1)) {
    ++count;
  }
  CHECK(count == 11);
}

TEST_CASE("run --schedule: bad settings give one clear line and exit code 2") {
  struct Case {
    std::string arguments;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"--schedule multistep --sched-set milestones=300,200",
       "multistep: milestones must be increasing, got 300,200"},
      {"--schedule cyclic --sched-set mode=sawtooth",
       "--sched-set (cyclic): invalid value 'sawtooth' for 'mode'"},
      {"--schedule cosine --sched-set T_max=0", "invalid value 0 for 'T_max'"},
      {"--schedule onecycle --sched-set pct_start=2", "invalid value 2 for 'pct_start'"},
      {"--schedule step --sched-set gamma=0", "step: gamma must be > 0"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.arguments);
    const auto r =
        run_process(cli("run --function quadratic --optimizer sgd --steps 2 " + c.arguments));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
}
