// The schedule registry: the fixed names, defaults that stay finite and in range for long runs,
// and clear InputErrors for bad configurations.
#include "common/errors.hpp"
#include "torch_reference.hpp"

using namespace lv::test;

TEST_CASE("registry: exactly the contract's schedule names") {
  std::vector<std::string> names;
  for (const lv::ScheduleInfo& info : lv::schedule_registry()) names.push_back(info.name);
  CHECK(names == std::vector<std::string>{"constant", "step", "multistep", "exponential",
                                          "polynomial", "cosine", "cosine_warm_restarts", "linear",
                                          "cyclic", "onecycle", "wsd"});
  CHECK_THROWS_WITH_AS(lv::make_schedule("cosin"),
                       "unknown schedule 'cosin' (did you mean 'cosine'?); see 'lossviz-cli list "
                       "schedules'",
                       lv::InputError);
}

// Steps where a default configuration's formula is exactly 0: PolynomialLR from total_iters = 5
// on, CosineAnnealingLR (eta_min 0) at odd multiples of T_max = 1000, WSD's warmup start.
bool expected_zero(const std::string& name, int t) {
  if (name == "polynomial") return t >= 5;
  if (name == "cosine") return t % 2000 == 1000;
  if (name == "wsd") return t == 0;
  return false;
}

TEST_CASE(
    "registry: every default configuration gives finite lrs in [0, lr] for 10,000 steps, "
    "positive except where the formula is exactly 0") {
  const double base_lr = 0.1;  // above the default max_lr (0.01) of cyclic and onecycle
  for (const lv::ScheduleInfo& info : lv::schedule_registry()) {
    CAPTURE(info.name);
    const auto schedule = info.make();
    schedule->validate();
    int bad = 0;
    for (int t = 0; t <= 10000; ++t) {
      const double lr = schedule->learning_rate(t, base_lr);
      const bool in_range = std::isfinite(lr) && lr >= 0.0 && lr <= base_lr;
      const bool sign_ok = expected_zero(info.name, t) ? lr == 0.0 : lr > 0.0;
      if (!in_range || !sign_ok) {
        CAPTURE(t);
        CAPTURE(lr);
        CHECK(in_range);
        CHECK(sign_ok);
        if (++bad > 3) break;
      }
    }
    CHECK(bad == 0);
  }
}

TEST_CASE("validation: bad settings are InputErrors naming the schedule and parameter") {
  struct Case {
    std::string schedule;
    std::map<std::string, std::string> settings;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"cosine", {{"T_max", "0"}}, "invalid value 0 for 'T_max': must be in [1, 2147483647]"},
      {"cosine_warm_restarts", {{"T_mult", "0"}}, "invalid value 0 for 'T_mult'"},
      {"cosine_warm_restarts",
       {{"T_0", "2.5"}},
       "invalid value 2.5 for 'T_0': must be a whole number"},
      {"step", {{"gamma", "0"}}, "step: gamma must be > 0 (got 0)"},
      {"step", {{"step_size", "0"}}, "invalid value 0 for 'step_size'"},
      {"exponential", {{"gamma", "0"}}, "exponential: gamma must be > 0 (got 0)"},
      {"exponential", {{"gamma", "-0.5"}}, "invalid value -0.5 for 'gamma'"},
      {"multistep",
       {{"milestones", "300,200"}},
       "multistep: milestones must be increasing, got 300,200"},
      {"multistep", {{"milestones", "100,100"}}, "multistep: milestones must be increasing"},
      {"multistep",
       {{"milestones", "10.5"}},
       "multistep: milestones must be whole numbers >= 0, got 10.5"},
      {"multistep", {{"milestones", "-1"}}, "multistep: milestones must be whole numbers >= 0"},
      {"multistep",
       {{"milestones", "10,x"}},
       "invalid list '10,x' for 'milestones': 'x' is not a number"},
      {"multistep", {{"gamma", "0"}}, "multistep: gamma must be > 0"},
      {"polynomial", {{"total_iters", "0"}}, "invalid value 0 for 'total_iters'"},
      {"polynomial", {{"power", "-1"}}, "invalid value -1 for 'power'"},
      {"linear", {{"start_factor", "0"}}, "linear: start_factor must be > 0 (got 0)"},
      {"linear",
       {{"start_factor", "1.5"}},
       "invalid value 1.5 for 'start_factor': must be in [0, 1]"},
      {"linear", {{"end_factor", "-0.1"}}, "for 'end_factor': must be in [0, 1]"},
      {"cyclic",
       {{"mode", "sawtooth"}},
       "invalid value 'sawtooth' for 'mode': expected one of triangular, triangular2, exp_range"},
      {"cyclic", {{"gamma", "0"}}, "cyclic: gamma must be > 0"},
      {"cyclic", {{"step_size_up", "0"}}, "invalid value 0 for 'step_size_up'"},
      {"onecycle", {{"total_steps", "0"}}, "invalid value 0 for 'total_steps'"},
      {"onecycle", {{"pct_start", "1.5"}}, "invalid value 1.5 for 'pct_start': must be in [0, 1]"},
      {"onecycle",
       {{"pct_start", "0.1"}, {"total_steps", "10"}},
       "onecycle: pct_start·total_steps = 1"},
      {"onecycle", {{"anneal_strategy", "cosine"}}, "expected one of cos, linear"},
      {"onecycle",
       {{"three_phase", "maybe"}},
       "invalid value 'maybe' for 'three_phase': expected true or false"},
      {"onecycle", {{"div_factor", "0"}}, "onecycle: div_factor must be > 0"},
      {"onecycle", {{"final_div_factor", "0"}}, "onecycle: final_div_factor must be > 0"},
      {"wsd",
       {{"warmup_steps", "600"}, {"decay_steps", "500"}},
       "wsd: warmup_steps + decay_steps (1100) must not exceed total_steps (1000)"},
      {"wsd", {{"min_lr_ratio", "2"}}, "invalid value 2 for 'min_lr_ratio'"},
      {"wsd", {{"decay_shape", "exp"}}, "expected one of linear, cosine, sqrt"},
      {"constant", {{"warmup_iters", "-1"}}, "invalid value -1 for 'warmup_iters'"},
      {"constant", {{"warmup_start_factor", "1.5"}}, "invalid value 1.5 for 'warmup_start_factor'"},
      {"cosine", {{"T_maxx", "3"}}, "unknown hyperparameter 'T_maxx' (did you mean 'T_max'?)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.schedule);
    CAPTURE(c.message);
    std::string message;
    try {
      configured(c.schedule, c.settings);
    } catch (const lv::InputError& error) {
      message = error.what();
    }
    CHECK(message.find(c.message) != std::string::npos);
  }
}
