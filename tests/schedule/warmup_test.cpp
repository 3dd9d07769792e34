// The linear warmup every schedule carries, against hand values of
// SequentialLR([LinearLR(start_factor=sf, end_factor=1, total_iters=W), schedule], [W]) and
// against the stepped LinearLR recursion followed by the stepped schedule restarted at W.
#include "torch_reference.hpp"

using namespace lv::test;

TEST_CASE(
    "warmup: every registered schedule has warmup_iters (default 0 = off) and "
    "warmup_start_factor") {
  for (const lv::ScheduleInfo& info : lv::schedule_registry()) {
    CAPTURE(info.name);
    const auto schedule = info.make();
    CHECK(schedule->name() == info.name);
    CHECK(schedule->hyperparameters().integer("warmup_iters") == 0);
    CHECK(schedule->hyperparameters().get("warmup_start_factor") == 0.0);
  }
}

TEST_CASE("warmup: ramp base_lr·(sf + (1 − sf)·t/W), then the schedule shifted by W") {
  const auto schedule = configured("step", {{"step_size", "2"},
                                            {"gamma", "0.5"},
                                            {"warmup_iters", "3"},
                                            {"warmup_start_factor", "0.25"}});
  // t = 0, 1, 2: 0.2·(0.25 + 0.75·t/3); t = 3 + s: StepLR at s = 0.2·0.5^⌊s/2⌋
  check_lrs(schedule_lrs(*schedule, 8, 0.2), {0.05, 0.1, 0.15, 0.2, 0.2, 0.1, 0.1, 0.05, 0.05});
}

TEST_CASE("warmup: start factor 0 starts at lr 0 (the default)") {
  const auto schedule = configured("constant", {{"warmup_iters", "4"}});
  check_lrs(schedule_lrs(*schedule, 5, 0.4), {0.0, 0.1, 0.2, 0.3, 0.4, 0.4});
}

TEST_CASE(
    "warmup: equals the stepped LinearLR, then the stepped cosine recursion from its step 0") {
  const int warmup = 6;
  const auto schedule = configured("cosine", {{"T_max", "9"},
                                              {"eta_min", "0.001"},
                                              {"warmup_iters", std::to_string(warmup)},
                                              {"warmup_start_factor", "0.1"}});
  std::vector<double> expected = simulate(TorchLinearLR(0.05, 0.1, 1.0, warmup), warmup - 1);
  for (double lr : simulate(TorchCosineAnnealingLR{0.05, 0.05, 9, 0.001}, 40)) {
    expected.push_back(lr);
  }
  check_lrs(schedule_lrs(*schedule, warmup + 40, 0.05), expected);
}

TEST_CASE(
    "warmup: schedules that set their own lr take over at W (warmup scales the optimizer's lr)") {
  const auto schedule = configured("cyclic", {{"base_lr", "0.01"},
                                              {"max_lr", "0.05"},
                                              {"step_size_up", "2"},
                                              {"warmup_iters", "2"},
                                              {"warmup_start_factor", "0.5"}});
  // optimizer lr 0.1: 0.05, 0.075, then CyclicLR from its step 0: 0.01, 0.03, 0.05, 0.03
  check_lrs(schedule_lrs(*schedule, 5, 0.1), {0.05, 0.075, 0.01, 0.03, 0.05, 0.03});
}
