// Each PyTorch-equivalent schedule against (a) values computed by hand from the formulas in the
// torch.optim.lr_scheduler docs and (b) the stepped PyTorch recursions of torch_reference.hpp.
#include "torch_reference.hpp"

using namespace lv::test;

TEST_CASE("step: StepLR halving every 2 steps, by hand and by the chainable recursion") {
  const auto schedule = configured("step", {{"step_size", "2"}, {"gamma", "0.5"}});
  // lr·0.5^⌊t/2⌋ with lr = 0.1
  check_lrs(schedule_lrs(*schedule, 6, 0.1), {0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.0125});
  const auto other = configured("step", {{"step_size", "7"}, {"gamma", "0.3"}});
  check_lrs(schedule_lrs(*other, 100, 0.2), simulate(TorchStepLR{0.2, 7, 0.3}, 100));
}

TEST_CASE("multistep: MultiStepLR, by hand and by the chainable recursion") {
  const auto schedule = configured("multistep", {{"milestones", "2,5"}, {"gamma", "0.1"}});
  check_lrs(schedule_lrs(*schedule, 6, 1.0), {1.0, 1.0, 0.1, 0.1, 0.1, 0.01, 0.01});
  const auto other = configured("multistep", {{"milestones", "3,10,11,40"}, {"gamma", "0.7"}});
  check_lrs(schedule_lrs(*other, 60, 0.05),
            simulate(TorchMultiStepLR{0.05, {3, 10, 11, 40}, 0.7}, 60));
  auto none = configured("multistep", {});
  none->hyperparameters().set_list("milestones", {});  // PyTorch accepts an empty list: constant
  check_lrs(schedule_lrs(*none, 3, 0.5), {0.5, 0.5, 0.5, 0.5});
}

TEST_CASE("exponential: ExponentialLR lr·gamma^t, by hand and by the chainable recursion") {
  const auto schedule = configured("exponential", {{"gamma", "0.5"}});
  check_lrs(schedule_lrs(*schedule, 3, 1.0), {1.0, 0.5, 0.25, 0.125});
  const auto other = configured("exponential", {{"gamma", "0.97"}});
  check_lrs(schedule_lrs(*other, 200, 0.3), simulate(TorchExponentialLR{0.3, 0.97}, 200));
}

TEST_CASE("polynomial: PolynomialLR decays to 0 at total_iters and stays at 0") {
  const auto schedule = configured("polynomial", {{"total_iters", "4"}, {"power", "2"}});
  // (1 − t/4)² for t <= 4, then 0
  check_lrs(schedule_lrs(*schedule, 7, 1.0), {1.0, 0.5625, 0.25, 0.0625, 0.0, 0.0, 0.0, 0.0});
  for (const char* power : {"1", "0.5", "2.5"}) {
    CAPTURE(power);
    const auto other = configured("polynomial", {{"total_iters", "13"}, {"power", power}});
    check_lrs(schedule_lrs(*other, 30, 0.1),
              simulate(TorchPolynomialLR{0.1, 13, std::stod(power)}, 30));
  }
  // power 0: 0^0 = 1 in Python, so the lr never moves
  const auto flat = configured("polynomial", {{"total_iters", "3"}, {"power", "0"}});
  check_lrs(schedule_lrs(*flat, 5, 0.1), std::vector<double>(6, 0.1));
}

TEST_CASE("cosine: CosineAnnealingLR by hand, and periodic beyond T_max") {
  const auto schedule = configured("cosine", {{"T_max", "4"}});
  const double c = std::sqrt(0.5);  // cos(π/4)
  // (1 + cos(πt/4))/2: down to 0 at t = 4, back up to 1 at t = 8
  check_lrs(schedule_lrs(*schedule, 9, 1.0), {1.0, (1 + c) / 2, 0.5, (1 - c) / 2, 0.0, (1 - c) / 2,
                                              0.5, (1 + c) / 2, 1.0, (1 + c) / 2});
}

TEST_CASE("cosine: closed form equals PyTorch's stepped recursion, including past T_max") {
  struct Case {
    int t_max;
    double eta_min;
    int steps;
  };
  for (const Case& c :
       {Case{10, 0.0, 65}, Case{7, 0.01, 50}, Case{1, 0.02, 6}, Case{100, 0.001, 450}}) {
    CAPTURE(c.t_max);
    const auto schedule = configured(
        "cosine", {{"T_max", std::to_string(c.t_max)}, {"eta_min", lv::format_exact(c.eta_min)}});
    check_lrs(schedule_lrs(*schedule, c.steps, 0.1),
              simulate(TorchCosineAnnealingLR{0.1, 0.1, c.t_max, c.eta_min}, c.steps));
  }
}

TEST_CASE("cosine_warm_restarts: SGDR cycles of length T_0·T_mult^i") {
  const auto schedule = configured("cosine_warm_restarts", {{"T_0", "2"}, {"T_mult", "2"}});
  const double c = std::sqrt(0.5);
  // cycles t = 0–1 (T_i = 2), 2–5 (T_i = 4), 6–13 (T_i = 8); each restarts at lr
  check_lrs(schedule_lrs(*schedule, 7, 1.0),
            {1.0, 0.5, 1.0, (1 + c) / 2, 0.5, (1 - c) / 2, 1.0, (1 + std::cos(k_pi / 8)) / 2});
  struct Case {
    int t_0, t_mult;
    double eta_min;
  };
  for (const Case& c : {Case{5, 1, 0.0}, Case{3, 2, 0.01}, Case{2, 3, 0.0}, Case{1, 2, 0.005}}) {
    CAPTURE(c.t_0);
    CAPTURE(c.t_mult);
    const auto other =
        configured("cosine_warm_restarts", {{"T_0", std::to_string(c.t_0)},
                                            {"T_mult", std::to_string(c.t_mult)},
                                            {"eta_min", lv::format_exact(c.eta_min)}});
    check_lrs(schedule_lrs(*other, 120, 0.1),
              simulate(TorchCosineAnnealingWarmRestarts{0.1, c.t_0, c.t_mult, c.eta_min}, 120));
  }
}

TEST_CASE("linear: LinearLR with PyTorch's defaults, and staying at end_factor") {
  const auto schedule = configured("linear", {});
  // start 1/3, end 1, total_iters 5: lr·(1/3 + (2/3)·min(t, 5)/5)
  std::vector<double> expected;
  for (int t = 0; t <= 8; ++t) expected.push_back(0.3 * (1.0 / 3 + (2.0 / 3) * std::min(t, 5) / 5));
  check_lrs(schedule_lrs(*schedule, 8, 0.3), expected);
  check_lrs(schedule_lrs(*schedule, 8, 0.3), simulate(TorchLinearLR(0.3, 1.0 / 3, 1.0, 5), 8));

  const auto decay =
      configured("linear", {{"start_factor", "1"}, {"end_factor", "0.1"}, {"total_iters", "20"}});
  check_lrs(schedule_lrs(*decay, 40, 0.2), simulate(TorchLinearLR(0.2, 1.0, 0.1, 20), 40));
  CHECK(decay->learning_rate(1000, 0.2) == doctest::Approx(0.02).epsilon(1e-14));
}

TEST_CASE("cyclic: CyclicLR triangular waves by hand; the optimizer's lr is not used") {
  const auto triangular =
      configured("cyclic", {{"base_lr", "0.1"}, {"max_lr", "1"}, {"step_size_up", "2"}});
  check_lrs(schedule_lrs(*triangular, 8, 123.0), {0.1, 0.55, 1.0, 0.55, 0.1, 0.55, 1.0, 0.55, 0.1});
  const auto halving = configured(
      "cyclic",
      {{"base_lr", "0.1"}, {"max_lr", "1"}, {"step_size_up", "2"}, {"mode", "triangular2"}});
  // second cycle (t = 4..7) has half the amplitude, the third a quarter
  check_lrs(schedule_lrs(*halving, 10, 0.0),
            {0.1, 0.55, 1.0, 0.55, 0.1, 0.325, 0.55, 0.325, 0.1, 0.2125, 0.325});
  const auto exp_range = configured("cyclic", {{"base_lr", "0.1"},
                                               {"max_lr", "1"},
                                               {"step_size_up", "2"},
                                               {"mode", "exp_range"},
                                               {"gamma", "0.5"}});
  // amplitude 0.9·scale·0.5^t
  check_lrs(schedule_lrs(*exp_range, 3, 0.0),
            {0.1, 0.1 + 0.45 * 0.5, 0.1 + 0.9 * 0.25, 0.1 + 0.45 * 0.125});
}

TEST_CASE("cyclic: every mode and an asymmetric cycle equal CyclicLR.get_lr") {
  for (const char* mode : {"triangular", "triangular2", "exp_range"}) {
    CAPTURE(mode);
    const auto schedule = configured("cyclic", {{"base_lr", "0.01"},
                                                {"max_lr", "0.2"},
                                                {"step_size_up", "3"},
                                                {"step_size_down", "5"},
                                                {"mode", mode},
                                                {"gamma", "0.99"}});
    std::vector<double> expected;
    for (int t = 0; t <= 100; ++t) {
      expected.push_back(torch_cyclic_lr(t, 0.01, 0.2, 3, 5, mode, 0.99));
    }
    check_lrs(schedule_lrs(*schedule, 100, 1.0), expected);
  }
  // step_size_down 0 means PyTorch's None: the same as step_size_up
  const auto symmetric = configured("cyclic", {{"step_size_up", "4"}});
  CHECK(symmetric->learning_rate(4, 1.0) == doctest::Approx(1e-2).epsilon(1e-14));
  CHECK(symmetric->learning_rate(8, 1.0) == doctest::Approx(1e-3).epsilon(1e-14));
}

TEST_CASE("onecycle: OneCycleLR phase endpoints by hand") {
  // max_lr 1, div 25 → initial 0.04, final_div 1e4 → min 4e-6; total 10, pct 0.3: the first phase
  // ends at 0.3·10 − 1 = 2, the second at 10 − 1 = 9 (linear interpolation between them)
  const auto linear = configured(
      "onecycle", {{"max_lr", "1"}, {"total_steps", "10"}, {"anneal_strategy", "linear"}});
  const auto lrs = schedule_lrs(*linear, 9, 0.5);
  check_lrs({lrs[0], lrs[1], lrs[2], lrs[3]}, {0.04, 0.52, 1.0, 1.0 + (4e-6 - 1.0) / 7});
  // PyTorch's linear anneal (end − start)·pct + start reaches 4e-6 at pct = 1 only up to the
  // cancellation of 1 − 0.999996 (absolute error ~1e-16)
  CHECK(lrs[9] == doctest::Approx(4e-6).epsilon(1e-9));
  const auto cosine = configured("onecycle", {{"max_lr", "1"}, {"total_steps", "10"}});
  // cos anneal: end + (start − end)·(1 + cos(π·pct))/2, pct = 1/2 at t = 1
  check_lrs(schedule_lrs(*cosine, 2, 0.5), {0.04, 0.52, 1.0});
  CHECK(cosine->learning_rate(9, 0.5) == doctest::Approx(4e-6).epsilon(1e-14));
}

TEST_CASE("onecycle: two and three phases, fractional phase ends, equal OneCycleLR.get_lr") {
  struct Case {
    int total_steps;
    double pct_start;
    bool cosine, three_phase;
  };
  for (const Case& c :
       {Case{100, 0.3, true, false}, Case{100, 0.3, false, false}, Case{17, 0.25, true, true},
        Case{17, 0.25, false, true}, Case{50, 0.45, true, true}, Case{40, 0.01, true, false},
        Case{40, 0.0, false, true}, Case{30, 1.0, true, false}}) {
    CAPTURE(c.total_steps);
    CAPTURE(c.pct_start);
    CAPTURE(c.three_phase);
    const auto schedule =
        configured("onecycle", {{"max_lr", "0.5"},
                                {"total_steps", std::to_string(c.total_steps)},
                                {"pct_start", lv::format_exact(c.pct_start)},
                                {"anneal_strategy", c.cosine ? "cos" : "linear"},
                                {"div_factor", "10"},
                                {"final_div_factor", "100"},
                                {"three_phase", c.three_phase ? "true" : "false"}});
    const TorchOneCycleLR reference(0.5, c.total_steps, c.pct_start, c.cosine, 10, 100,
                                    c.three_phase);
    std::vector<double> expected;
    for (int t = 0; t < c.total_steps; ++t) expected.push_back(reference.lr(t));
    check_lrs(schedule_lrs(*schedule, c.total_steps - 1, 1.0), expected);
    // past the cycle (where PyTorch raises) the lr stays at its final value
    for (int t : {c.total_steps, c.total_steps + 1, 10 * c.total_steps}) {
      CHECK(schedule->learning_rate(t, 1.0) == expected.back());
    }
  }
}
