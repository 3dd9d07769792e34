// Mini-batch runs on a two-parameter model: batch size 0 (or n) is gradient descent exactly; a
// mini-batch run is reproducible from its seed, records the full-data loss and the epoch of each
// update, and its first update uses the first batch of the seeded epoch (checked by hand).
#include <doctest/doctest.h>

#include "models/two_param_model.hpp"
#include "objective/minibatch_sampler.hpp"
#include "optim/registry.hpp"
#include "run/runner.hpp"

using namespace lv;

namespace {

const TwoParamModel& regression() {
  static const TwoParamModel model = [] {
    const TwoParamModelInfo& info = *find_two_param_model("linear_regression");
    return TwoParamModel(info, load_model_data("linear:n=50,seed=2", info.columns));
  }();
  return model;
}

Trajectory run_sgd(const std::string& optimizer, int batch_size, uint64_t seed, int steps = 30) {
  auto method = make_optimizer(optimizer);
  if (optimizer == "sgd") method->hyperparameters().set("lr", 0.1);
  RunSettings settings;
  settings.max_steps = steps;
  settings.batch_size = batch_size;
  settings.seed = seed;
  return run_optimizer(regression(), *method, nullptr, Vec{{-0.5, 1.5}}, settings);
}

}  // namespace

TEST_CASE("batch size 0 and batch size n are gradient descent, bit for bit") {
  auto gd = make_optimizer("gd");
  gd->hyperparameters().set("lr", 0.1);
  RunSettings settings;
  settings.max_steps = 30;
  const Trajectory reference =
      run_optimizer(regression(), *gd, nullptr, Vec{{-0.5, 1.5}}, settings);
  for (const int batch_size : {0, 50, 80}) {
    CAPTURE(batch_size);
    const Trajectory t = run_sgd("sgd", batch_size, 9);
    REQUIRE(t.size() == reference.size());
    CHECK(t.positions == reference.positions);
    CHECK(t.loss == reference.loss);
    CHECK(t.epoch.empty());  // no epochs column for full-batch runs
  }
}

TEST_CASE("a mini-batch run: seeded, the full-data loss recorded, epochs counted") {
  const Trajectory a = run_sgd("sgd", 8, 5);
  const Trajectory b = run_sgd("sgd", 8, 5);
  const Trajectory c = run_sgd("sgd", 8, 6);
  CHECK(a.positions == b.positions);
  CHECK(a.positions != c.positions);
  for (int row = 0; row < a.size(); row += 7) CHECK(a.loss[row] == regression().value(a.x(row)));
  // 50 samples in batches of 8: 7 batches per epoch (the last of 2); row k is update k's.
  REQUIRE(a.epoch.size() == static_cast<size_t>(a.size()));
  CHECK(a.epoch[0] == 0);
  CHECK(a.epoch[7] == 0);
  CHECK(a.epoch[8] == 1);
  CHECK(a.epoch[15] == 2);
  // The first update is x − lr·(mean gradient over the seed's first batch).
  MiniBatchSampler sampler(50, 8, 5);
  Vec gradient(2);
  regression().batch_value_gradient(Vec{{-0.5, 1.5}}, sampler.next(), gradient);
  const Vec expected = Vec{{-0.5, 1.5}} - 0.1 * gradient;
  CHECK(a.x(1)[0] == doctest::Approx(expected[0]).epsilon(1e-15));
  CHECK(a.x(1)[1] == doctest::Approx(expected[1]).epsilon(1e-15));
}

TEST_CASE("second-order methods run on the full batch whatever the batch size") {
  const Trajectory newton = run_sgd("newton", 4, 1, 3);
  const Trajectory full = run_sgd("newton", 0, 1, 3);
  // Newton uses the Hessian (full data) and the runner's batch gradient: one step on a quadratic
  // lands on the batch's Newton point, so it differs from the full-batch run but stays finite.
  CHECK(newton.status != RunStatus::Diverged);
  CHECK(full.gradient_norm.back() < 1e-9);
}
