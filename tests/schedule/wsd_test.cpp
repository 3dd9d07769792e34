// Warmup-stable-decay (Hu et al. 2024, MiniCPM §4) against hand-computed phases.
#include "torch_reference.hpp"

using namespace lv::test;

TEST_CASE("wsd: linear warmup from 0, stable at lr, linear decay to min_lr_ratio·lr, then held") {
  const auto schedule = configured(
      "wsd",
      {{"warmup_steps", "2"}, {"total_steps", "8"}, {"decay_steps", "4"}, {"min_lr_ratio", "0.2"}});
  // warmup 0, 0.5; stable t = 2, 3; decay from t = 4: 0.2 + 0.8·(1 − (t − 4)/4); held at 0.2
  check_lrs(schedule_lrs(*schedule, 10, 1.0),
            {0.0, 0.5, 1.0, 1.0, 1.0, 0.8, 0.6, 0.4, 0.2, 0.2, 0.2});
}

TEST_CASE("wsd: cosine and 1 − sqrt decay shapes") {
  const std::map<std::string, std::string> base = {
      {"warmup_steps", "0"}, {"total_steps", "4"}, {"decay_steps", "4"}, {"min_lr_ratio", "0"}};
  auto cosine_settings = base;
  cosine_settings["decay_shape"] = "cosine";
  const double c = std::sqrt(0.5);
  // (1 + cos(π·t/4))/2
  check_lrs(schedule_lrs(*configured("wsd", cosine_settings), 5, 1.0),
            {1.0, (1 + c) / 2, 0.5, (1 - c) / 2, 0.0, 0.0});
  auto sqrt_settings = base;
  sqrt_settings["decay_shape"] = "sqrt";
  // 1 − sqrt(t/4)
  check_lrs(schedule_lrs(*configured("wsd", sqrt_settings), 5, 1.0),
            {1.0, 0.5, 1 - c, 1 - std::sqrt(0.75), 0.0, 0.0});
}

TEST_CASE("wsd: defaults (warmup 100, decay over the last 100 of 1000 steps to 0.1·lr)") {
  const auto schedule = configured("wsd", {});
  CHECK(schedule->learning_rate(0, 1.0) == 0.0);
  CHECK(schedule->learning_rate(50, 1.0) == 0.5);
  CHECK(schedule->learning_rate(100, 1.0) == 1.0);
  CHECK(schedule->learning_rate(900, 1.0) == 1.0);
  CHECK(schedule->learning_rate(950, 1.0) == doctest::Approx(0.55).epsilon(1e-14));
  CHECK(schedule->learning_rate(1000, 1.0) == doctest::Approx(0.1).epsilon(1e-14));
  CHECK(schedule->learning_rate(5000, 1.0) == doctest::Approx(0.1).epsilon(1e-14));
}
