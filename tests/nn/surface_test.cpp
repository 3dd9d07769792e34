// Directions and surfaces: the filter-normalization invariant of Li et al. 2018 §4 (each row of
// the direction has the norm of the weight row), the surface of a linear model with mse loss
// (exactly quadratic in the weights) against its closed form, progressive refinement,
// cancellation, and PCA directions of a trajectory lying in a known plane.
#include <doctest/doctest.h>

#include <cmath>

#include "nn/directions.hpp"
#include "nn/pca_directions.hpp"
#include "nn/surface_evaluator.hpp"

using namespace lv;

namespace {

Mlp tanh_net() {
  ModelSpec spec;
  spec.layers = {{LayerType::Linear, 2, 6}, {LayerType::Tanh, 0, 0}, {LayerType::Linear, 6, 3}};
  return Mlp(spec);
}

Vec initial(const Mlp& mlp, uint64_t seed) {
  std::mt19937_64 generator(seed);
  return mlp.initial_parameters(generator);
}

}  // namespace

TEST_CASE("filter normalization: every row of the direction has the norm of the weight row") {
  const Mlp mlp = tanh_net();
  const Vec w = initial(mlp, 1);
  std::mt19937_64 generator(2);
  const Vec d = random_direction(mlp, w, {DirectionNorm::Filter, false}, generator);
  for (const LinearBlock& block : mlp.linear_blocks()) {
    for (int row = 0; row < block.out; ++row) {
      CHECK(Mlp::weight(d, block).row(row).norm() ==
            doctest::Approx(Mlp::weight(w, block).row(row).norm()).epsilon(1e-9));
    }
    CHECK(Mlp::bias(d, block).norm() == 0.0);  // Li et al.: bias directions zero
  }
  const Vec with_bias = random_direction(mlp, w, {DirectionNorm::Filter, true}, generator);
  const Vec layer = random_direction(mlp, w, {DirectionNorm::Layer, false}, generator);
  for (const LinearBlock& block : mlp.linear_blocks()) {
    CHECK(Mlp::bias(with_bias, block).norm() ==
          doctest::Approx(Mlp::bias(w, block).norm()).epsilon(1e-9));
    CHECK(Mlp::weight(layer, block).norm() ==
          doctest::Approx(Mlp::weight(w, block).norm()).epsilon(1e-9));
  }
}

TEST_CASE("surface of a linear mse model equals the closed-form quadratic") {
  ModelSpec spec;
  spec.layers = {{LayerType::Linear, 2, 1}};
  spec.loss = LossType::Mse;
  const Mlp mlp(spec);
  const Dataset data = load_dataset("linear-regression:n=50,features=2,noise=0.3");
  const Vec w = Vec{{0.3, -0.2, 0.1}}, dx = Vec{{1.0, 0.5, -0.25}}, dy = Vec{{-0.5, 1.0, 0.75}};
  // L(θ) = θᵀAθ − 2θᵀc + s with Φ = [x, 1] per sample: A = ΦᵀΦ/n, c = Φᵀy/n, s = yᵀy/n.
  Mat design(50, 3);
  design << data.inputs.transpose(), Vec::Ones(50);
  const Mat a = design.transpose() * design / 50.0;
  const Vec c = design.transpose() * data.targets.transpose() / 50.0;
  const double s = data.targets.squaredNorm() / 50.0;
  const std::vector<double> x = linear_coordinates(-1, 1, 9), y = linear_coordinates(-2, 0.5, 9);
  const SurfaceResult result = evaluate_surface(mlp, data, w, dx, dy, x, y);
  REQUIRE(result.status == SurfaceStatus::Complete);
  for (int i = 0; i < 9; ++i) {
    for (int j = 0; j < 9; ++j) {
      const Vec theta = w + x[i] * dx + y[j] * dy;
      const double expected = theta.dot(a * theta) - 2 * theta.dot(c) + s;
      CHECK(result.surface.loss(i, j) == doctest::Approx(expected).epsilon(1e-12));
    }
  }
  CHECK(std::isnan(result.surface.accuracy(0, 0)));
}

TEST_CASE("progressive evaluation refines coarse to fine and ends equal to direct evaluation") {
  const Mlp mlp = tanh_net();
  const Dataset data = load_dataset("spirals:n=60");
  const Vec w = initial(mlp, 3);
  std::mt19937_64 generator(4);
  const Vec dx = random_direction(mlp, w, {}, generator),
            dy = random_direction(mlp, w, {}, generator);
  const std::vector<double> x = linear_coordinates(-1, 1, 17), y = linear_coordinates(-1, 1, 17);
  std::vector<int> strides;
  long last_done = 0;
  SurfaceOptions options;
  options.threads = 2;
  options.on_level = [&](const Surface& surface) {
    strides.push_back(surface.stride);
    CHECK(surface.loss.allFinite());  // the preview has no holes
  };
  options.on_progress = [&](const SurfaceProgress& progress) { last_done = progress.points_done; };
  const SurfaceResult result = evaluate_surface(mlp, data, w, dx, dy, x, y, options);
  CHECK(strides == std::vector<int>{4, 2, 1});
  CHECK(last_done == 17 * 17);
  for (int i = 0; i < 17; i += 5) {
    for (int j = 0; j < 17; j += 3) {
      const Vec point = w + x[i] * dx + y[j] * dy;
      const Evaluation direct = mlp.evaluate(point, data.inputs, data.targets);
      CHECK(result.surface.loss(i, j) == doctest::Approx(direct.loss).epsilon(1e-12));
      CHECK(result.surface.accuracy(i, j) == direct.accuracy);
    }
  }
  std::atomic<bool> cancel{true};
  options.cancel = &cancel;
  CHECK(evaluate_surface(mlp, data, w, dx, dy, x, y, options).status == SurfaceStatus::Cancelled);
  const SurfaceResult line = evaluate_surface(mlp, data, w, dx, dy, x, {}, {});
  CHECK(line.surface.loss.cols() == 1);
  CHECK(line.surface.loss(16, 0) == doctest::Approx(mlp.loss(w + dx, data.inputs, data.targets)));
}

TEST_CASE("PCA of a trajectory in a known plane recovers the plane and the coordinates") {
  const Mlp mlp = tanh_net();
  const Dataset data = load_dataset("spirals:n=30");
  const Vec final_parameters = initial(mlp, 5);
  std::mt19937_64 generator(6);
  const Vec u =
      random_direction(mlp, final_parameters, {DirectionNorm::None, true}, generator).normalized();
  Vec v = random_direction(mlp, final_parameters, {DirectionNorm::None, true}, generator);
  v = (v - v.dot(u) * u).normalized();
  std::vector<Vec> checkpoints;
  std::vector<double> a, b;
  for (int k = 0; k <= 10; ++k) {
    a.push_back(3.0 * (10 - k) / 10.0);
    b.push_back(std::sin(0.7 * k));
    checkpoints.push_back(final_parameters + a.back() * u + b.back() * v);
  }
  const PcaDirections pca = pca_directions(checkpoints, final_parameters);
  CHECK(std::abs(pca.dx.dot(u)) + std::abs(pca.dx.dot(v)) > 0.99);
  CHECK(pca.dy.dot(pca.dx) == doctest::Approx(0.0).scale(1.0));
  CHECK(pca.explained_x + pca.explained_y == doctest::Approx(1.0));
  const ProjectedTrajectory trajectory =
      project_trajectory(mlp, data, checkpoints, final_parameters, pca);
  for (size_t k = 0; k < checkpoints.size(); ++k) {
    // In-plane: the projection reproduces the offset exactly, so the distance is 0 and both losses
    // agree.
    CHECK(std::hypot(trajectory.x[k], trajectory.y[k]) ==
          doctest::Approx(std::hypot(a[k], b[k])).epsilon(1e-9));
    CHECK(trajectory.distance[k] < 1e-9);
    CHECK(trajectory.plane_loss[k] == doctest::Approx(trajectory.loss[k]).epsilon(1e-9));
  }
  checkpoints[3] += 0.5 * Vec::Unit(final_parameters.size(), 0);
  const ProjectedTrajectory off_plane =
      project_trajectory(mlp, data, checkpoints, final_parameters, pca);
  CHECK(off_plane.distance[3] > 0.1);
  CHECK_THROWS(pca_directions({checkpoints[0], checkpoints[1]}, final_parameters));
}
