// The regularization picture against closed forms. The lesson's loss
//   f = (x − 2)² + 2(y − ¼)² + ½(x − 2)(y − ¼)
// with the lasso penalty 2‖x‖₁ has its minimizer on the axis: at y = 0, ∂f/∂x + 2 = 0 gives
// x = 2 − 0.9375 = 1.0625, and |∂f/∂y| there is 1.47 < 2, so y = 0 exactly (a corner). With the
// ridge penalty (2/2)‖x‖² the linear system 4x + y/2 = 4.125, x/2 + 6y = 2 gives (1, ¼).
#include <doctest/doctest.h>

#include "io/scene.hpp"
#include "regularization_view.hpp"
#include "state_actions.hpp"

namespace {

const std::string k_lesson =
    std::string(LOSSVIZ_SOURCE_DIR) + "/assets/scenes/13_lasso_corner.json";

}  // namespace

TEST_CASE("the lasso lesson: an exact zero at the corner, ridge shrinks without zeros") {
  lv::app::AppState state;
  CHECK(lv::app::apply_scene(state, lv::load_scene(k_lesson)).empty());
  lv::app::rerun_trajectories(state);
  REQUIRE(state.run.regularization.size() == 2);
  const auto& lasso = state.run.regularization[0];
  const auto& ridge = state.run.regularization[1];
  REQUIRE(lasso.has_value());
  REQUIRE(ridge.has_value());
  CHECK(lasso->unregularized[0] == doctest::Approx(2.0).epsilon(1e-6));
  CHECK(lasso->unregularized[1] == doctest::Approx(0.25).epsilon(1e-6));
  CHECK(lasso->regularized[0] == doctest::Approx(1.0625).epsilon(1e-6));
  CHECK(lasso->regularized[1] == 0.0);  // exactly
  CHECK(ridge->regularized[0] == doctest::Approx(1.0).epsilon(1e-6));
  CHECK(ridge->regularized[1] == doctest::Approx(0.25).epsilon(1e-6));
  // The runs themselves end there: proximal SGD reaches the exact zero too.
  const lv::Trajectory& run = state.run.trajectories[0];
  const auto end = run.x(run.size() - 1);
  CHECK(end[1] == 0.0);
  CHECK(end[0] == doctest::Approx(1.0625).epsilon(1e-4));
  // Along the lasso path y reaches 0 and stays there; the path starts at min f and ends at 0.
  bool zero = false;
  for (const lv::Vec& point : lasso->path) {
    if (zero) CHECK(point[1] == 0.0);
    zero = zero || point[1] == 0.0;
  }
  CHECK(zero);
  CHECK((lasso->path.front() - lasso->unregularized).norm() < 1e-6);
  CHECK(lasso->path.back().norm() == 0.0);
  // The level set drawn through the solution is the penalty's.
  for (const lv::Vec& p : lv::app::penalty_level_set(ridge->weights, ridge->penalty_level, 64)) {
    CHECK(ridge->weights.l1 * p.lpNorm<1>() + 0.5 * ridge->weights.l2 * p.squaredNorm() ==
          doctest::Approx(ridge->penalty_level));
  }
  for (const lv::Vec& p : lv::app::penalty_level_set(lasso->weights, lasso->penalty_level, 64)) {
    CHECK(lasso->weights.l1 * p.lpNorm<1>() == doctest::Approx(lasso->penalty_level));
  }
  state.run.session->cancel();
  state.network.session->cancel();
  state.network.session->wait();
}

TEST_CASE("the constrained-minimum lesson's claim: every method at (1, 0) with multiplier 2") {
  lv::app::AppState state;
  CHECK(lv::app::apply_scene(state, lv::load_scene(std::string(LOSSVIZ_SOURCE_DIR) +
                                                   "/assets/scenes/14_constrained_minimum.json"))
            .empty());
  lv::app::rerun_trajectories(state);
  for (size_t slot = 0; slot < state.optimizers.size(); ++slot) {
    const lv::Trajectory& run = state.run.trajectories[slot];
    const auto end = run.x(run.size() - 1);
    CAPTURE(state.optimizers[slot].label);
    CHECK(end[0] == doctest::Approx(1.0).epsilon(1e-5));
    CHECK(std::abs(end[1]) < 1e-5);
  }
  state.run.session->cancel();
  state.network.session->cancel();
  state.network.session->wait();
}

// The LR finder from the app: on the ravine lesson's quadratic (curvatures 1 and 50, L = 50) the
// suggested lr for plain SGD lies below 2/L, the stability limit of gradient descent.
TEST_CASE("the Optimizers panel's LR finder suggests an lr below 2/L on a quadratic") {
  lv::app::AppState state;
  lv::app::apply_scene(state, lv::load_scene(std::string(LOSSVIZ_SOURCE_DIR) +
                                             "/assets/scenes/01_ravine_momentum.json"));
  lv::app::run_lr_finder(state, 0);
  const lv::app::OptimizerSlot& slot = state.optimizers[0];
  CHECK(slot.lr_finder_error.empty());
  REQUIRE(slot.lr_finder.has_value());
  CHECK(slot.lr_finder->suggested_index >= 0);
  CHECK(slot.lr_finder->suggested_lr > 0.0);
  CHECK(slot.lr_finder->suggested_lr < 2.0 / 50.0);
  CHECK(slot.optimizer->hyperparameters().get("lr") == 0.035);  // the slot's own lr is kept
  state.run.session->cancel();
  state.network.session->cancel();
  state.network.session->wait();
}
