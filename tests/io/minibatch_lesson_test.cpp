// The mini-batch regression lesson (assets/scenes/10_minibatch_regression.json) replayed
// headless, checking what its text claims against the least-squares line in closed form (the
// normal equations): GD glides to the bottom, SGD on batches of 4 gets there and then jitters,
// and batch size 1 is noisier than full batch.
#include <doctest/doctest.h>

#include <Eigen/Dense>
#include <filesystem>

#include "io/scene.hpp"
#include "run/runner.hpp"

using namespace lv;

namespace {

Scene lesson() {
  return load_scene(
      (std::filesystem::path(LOSSVIZ_SOURCE_DIR) / "assets/scenes/10_minibatch_regression.json")
          .string());
}

Trajectory replay(const Scene& scene, const TwoParamModel& model, size_t optimizer,
                  int batch_size) {
  const SceneOptimizer& entry = scene.optimizers[optimizer];
  auto method = make_scene_optimizer(entry);
  RunSettings settings;
  settings.max_steps = scene.steps;
  settings.seed = scene.seed;
  settings.batch_size = batch_size;
  return run_optimizer(model, *method, nullptr, Vec{{entry.start_x, entry.start_y}}, settings);
}

// The mean squared distance of the last `rows` points from their own mean: the jitter.
double jitter(const Trajectory& t, int rows) {
  Vec mean = Vec::Zero(2);
  for (int r = t.size() - rows; r < t.size(); ++r) mean += t.x(r);
  mean /= rows;
  double spread = 0.0;
  for (int r = t.size() - rows; r < t.size(); ++r) spread += (t.x(r) - mean).squaredNorm();
  return spread / rows;
}

}  // namespace

TEST_CASE("lesson 10: a regression line fitted by mini-batch SGD, as its text says") {
  const Scene scene = lesson();
  const auto model = make_scene_model(scene);
  REQUIRE(model);
  REQUIRE(model->sample_count() == 60);
  REQUIRE(scene.batch_size == 4);
  REQUIRE(scene.optimizers.size() == 2);
  // The least-squares optimum from the normal equations.
  const ModelData& data = model->data();
  Mat design(data.size(), 2);
  design.col(0) = data.inputs.col(0);
  design.col(1).setOnes();
  const Vec best = (design.transpose() * design).ldlt().solve(design.transpose() * data.targets);
  const double minimum = (design * best - data.targets).squaredNorm() / data.size();

  const Trajectory gd = replay(scene, *model, 0, scene.batch_size);  // gd: always full batch
  const Trajectory sgd = replay(scene, *model, 1, scene.batch_size);
  CHECK(gd.epoch.empty());
  CHECK(sgd.epoch.size() == static_cast<size_t>(sgd.size()));
  CHECK(gd.loss.back() - minimum < 1e-6);
  CHECK((gd.x(gd.size() - 1) - best).norm() < 1e-3);
  // SGD reaches the bottom (within the noise floor) ...
  CHECK(sgd.loss.back() - minimum < 0.05 * minimum);
  // ... and jitters there, where GD is still.
  CHECK(jitter(sgd, 50) > 100.0 * jitter(gd, 50));

  // Batch size 1 is noisier than full batch, and the bigger batch of the lesson in between.
  const Trajectory one = replay(scene, *model, 1, 1);
  const Trajectory full = replay(scene, *model, 1, 0);
  CHECK(jitter(one, 50) > jitter(sgd, 50));
  CHECK(jitter(sgd, 50) > jitter(full, 50));
  CHECK(full.loss.back() - minimum < 1e-6);
}
