// Hessian landscape directions against a dense Hessian of a tiny network (assembled column by
// column from central differences of gradients, independent of the Lanczos/HVP path), and against
// the curvature of the loss along the direction (second difference of the surface itself).
#include <doctest/doctest.h>

#include <Eigen/Eigenvalues>
#include <cmath>

#include "common/errors.hpp"
#include "nn/hessian_directions.hpp"
#include "nn/network_objective.hpp"
#include "nn/surface_evaluator.hpp"

using namespace lv;

namespace {

Mlp small_tanh_net() {
  ModelSpec spec;
  spec.layers = {{LayerType::Linear, 2, 5}, {LayerType::Tanh, 0, 0}, {LayerType::Linear, 5, 3}};
  return Mlp(spec);
}

Mat finite_difference_hessian(const NetworkObjective& objective, const Vec& x) {
  const Eigen::Index n = x.size();
  const double h = 1e-5;
  Mat hessian(n, n);
  Vec plus_gradient(n), minus_gradient(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    Vec plus = x, minus = x;
    plus[j] += h;
    minus[j] -= h;
    objective.value_gradient(plus, plus_gradient);
    objective.value_gradient(minus, minus_gradient);
    hessian.col(j) = (plus_gradient - minus_gradient) / (2 * h);
  }
  return 0.5 * (hessian + hessian.transpose());
}

}  // namespace

TEST_CASE("Hessian directions are the dense Hessian's top two eigenvectors") {
  const Mlp mlp = small_tanh_net();
  const Dataset data = load_dataset("spirals:n=40");
  std::mt19937_64 generator(5);
  const Vec weights = mlp.initial_parameters(generator);
  const HessianDirections directions = hessian_directions(mlp, data, weights);
  REQUIRE(directions.status == EigenStatus::Converged);

  const NetworkObjective objective(mlp, data);
  const Eigen::SelfAdjointEigenSolver<Mat> dense(finite_difference_hessian(objective, weights));
  const Eigen::Index n = weights.size();
  const double lambda_1 = dense.eigenvalues()[n - 1], lambda_2 = dense.eigenvalues()[n - 2];
  REQUIRE(lambda_1 - lambda_2 > 1e-3 * std::abs(lambda_1));  // distinct: vectors are unique
  CHECK(directions.lambda_x == doctest::Approx(lambda_1).epsilon(1e-5));
  CHECK(directions.lambda_y == doctest::Approx(lambda_2).epsilon(1e-5));
  CHECK(std::abs(directions.dx.dot(dense.eigenvectors().col(n - 1))) ==
        doctest::Approx(1.0).epsilon(1e-5));
  CHECK(std::abs(directions.dy.dot(dense.eigenvectors().col(n - 2))) ==
        doctest::Approx(1.0).epsilon(1e-5));
  CHECK(directions.dx.norm() == doctest::Approx(1.0));
  CHECK(std::abs(directions.dx.dot(directions.dy)) < 1e-8);
  // The sign convention: the largest-magnitude entry is positive.
  Eigen::Index largest = 0;
  directions.dx.cwiseAbs().maxCoeff(&largest);
  CHECK(directions.dx[largest] > 0);
}

TEST_CASE("the loss along the top Hessian direction curves by lambda_1") {
  const Mlp mlp = small_tanh_net();
  const Dataset data = load_dataset("spirals:n=40");
  std::mt19937_64 generator(9);
  const Vec weights = mlp.initial_parameters(generator);
  const HessianDirections directions = hessian_directions(mlp, data, weights, 1);
  CHECK(directions.dy.size() == 0);
  // Second difference of the 1D surface at α = −h, 0, h: (L(−h) − 2L(0) + L(h)) / h² ≈ vᵀHv = λ₁.
  const double h = 1e-3;
  const SurfaceResult line = evaluate_surface(mlp, data, weights, directions.dx, Vec(),
                                              {-h, 0.0, h}, {}, SurfaceOptions{});
  const double curvature =
      (line.surface.loss(0, 0) - 2 * line.surface.loss(1, 0) + line.surface.loss(2, 0)) / (h * h);
  CHECK(curvature == doctest::Approx(directions.lambda_x).epsilon(1e-4));
  CHECK_THROWS_AS(hessian_directions(mlp, data, weights, 3), InputError);
}
