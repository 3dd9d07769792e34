// Lessons are claims: each test replays a lesson's scene headless, as the window runs it, and
// checks what its text says happens.
#include <doctest/doctest.h>

#include "data_view.hpp"
#include "io/scene.hpp"
#include "kkt_view.hpp"
#include "state_actions.hpp"

namespace {

lv::app::AppState& replay(lv::app::AppState& state, const char* lesson) {
  CHECK(lv::app::apply_scene(
            state, lv::load_scene(std::string(LOSSVIZ_SOURCE_DIR) + "/assets/scenes/" + lesson))
            .empty());
  lv::app::rerun_trajectories(state);
  return state;
}

void finish(lv::app::AppState& state) {
  state.run.session->cancel();
  state.network.session->cancel();
  state.network.session->wait();
}

}  // namespace

// "SGD with momentum is fast only in a narrow window of learning rates: at lr = 0.0003 it crawls
// along the floor, at lr = 0.0025 it is thrown out of the valley within ten steps. ... Adam ...
// lr = 0.04 and lr = 0.1 ... both follow the floor to the minimum."
TEST_CASE("lesson 03: SGD + momentum crawls or is thrown out; Adam reaches (1, 1) at both lrs") {
  lv::app::AppState state;
  replay(state, "03_adam_vs_sgd_rosenbrock.json");
  REQUIRE(state.run.trajectories.size() == 4);
  const lv::Trajectory& crawl = state.run.trajectories[0];
  const lv::Trajectory& thrown = state.run.trajectories[1];
  CHECK(crawl.status != lv::RunStatus::Diverged);
  CHECK(crawl.loss.back() > 1e-3);  // still on the floor, far from the minimum
  CHECK(thrown.status == lv::RunStatus::Diverged);
  CHECK(thrown.diverged_step <= 10);
  for (size_t slot : {size_t{2}, size_t{3}}) {
    const lv::Trajectory& adam = state.run.trajectories[slot];
    const auto end = adam.x(adam.size() - 1);
    CAPTURE(state.optimizers[slot].label);
    CHECK(adam.loss.back() < 1e-5);
    CHECK(std::abs(end[0] - 1.0) < 0.01);
    CHECK(std::abs(end[1] - 1.0) < 0.02);
  }
  finish(state);
}

// "every method is stopped by the boundary and slides along it to a corner, (1, 3) ... Two
// constraints are active there and their multipliers, 1 and 1, balance the cost's gradient."
// By hand: (−1, −2) + λ1 (1, 1) + λ3 (0, 1) = 0 → λ1 = 1, λ3 = 1.
TEST_CASE("lesson 15: every method ends at the vertex (1, 3) with multipliers 1 and 1") {
  lv::app::AppState state;
  replay(state, "15_linear_program.json");
  REQUIRE(state.run.trajectories.size() == 3);
  for (size_t slot = 0; slot < 3; ++slot) {
    CAPTURE(state.optimizers[slot].label);
    const auto kkt = lv::app::final_kkt_view(state, slot);
    REQUIRE(kkt.has_value());
    CHECK(kkt->point[0] == doctest::Approx(1.0).epsilon(1e-4));
    CHECK(kkt->point[1] == doctest::Approx(3.0).epsilon(1e-4));
    CHECK(kkt->report.satisfied);
    CHECK(kkt->report.multipliers[0] == doctest::Approx(1.0).epsilon(1e-3));
    CHECK(kkt->report.multipliers[2] == doctest::Approx(1.0).epsilon(1e-3));
    CHECK(std::abs(kkt->report.multipliers[1]) < 1e-6);
  }
  finish(state);
}

// The mini-batch cloud is drawn enlarged when one step is a few pixels, by the smallest of 1, 2,
// 5, 10, ... that makes it span 40 pixels, and never when it is already large.
TEST_CASE("the gradient cloud's magnification makes it readable and no larger") {
  lv::app::CloudAt cloud;
  cloud.learning_rate = 0.1;
  cloud.noise.full_gradient = lv::Vec::Zero(2);
  cloud.noise.batch_gradients = {lv::Vec{{1.0, 0.0}}, lv::Vec{{-1.0, 0.0}}};
  // One step of lr·g = 0.1 units: 10 pixels at 0.01 units per pixel → ×5 (50 px; ×2 gives 20).
  CHECK(lv::app::cloud_magnification(cloud, 0.01) == 5.0);
  CHECK(lv::app::cloud_magnification(cloud, 0.001) == 1.0);  // 100 px already
  CHECK(lv::app::cloud_magnification(cloud, 0.1) == 50.0);   // 1 px → 50 px
}
