// Sharpness measures against truths computed outside them: warm-started Lanczos λmax against the
// dense eigensolver on a network's exact Hessian (itself checked against finite differences of
// gradients), block curvature against the dense diagonal blocks, ε-sharpness and SAM sharpness
// against their closed forms on quadratics.
#include <doctest/doctest.h>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <random>

#include "curvature/sharpness.hpp"
#include "nn/network_objective.hpp"
#include "nn/network_weights.hpp"
#include "tiny_network.hpp"

using namespace lv;
using lv::test::tiny_network;
using lv::test::TinyNetwork;

namespace {

// f(x) = ½ xᵀ A x with a fixed symmetric A.
class Quadratic : public Objective {
 public:
  explicit Quadratic(Mat a) : a_(std::move(a)) {}
  int dim() const override { return static_cast<int>(a_.rows()); }
  double value(const Vec& x) const override { return 0.5 * x.dot(a_ * x); }
  double value_gradient(const Vec& x, Vec& gradient) const override {
    gradient = a_ * x;
    return value(x);
  }
  Mat hessian(const Vec&) const override { return a_; }
  Vec hvp(const Vec&, const Vec& v) const override { return a_ * v; }

 private:
  Mat a_;
};

// A random orthogonal basis with eigenvalues 1, 2, ..., n (and a negative one).
Mat known_spectrum(int n) {
  std::mt19937_64 generator(5);
  std::normal_distribution<double> normal;
  Mat random(n, n);
  for (Eigen::Index k = 0; k < random.size(); ++k) random(k) = normal(generator);
  const Eigen::HouseholderQR<Mat> qr(random);
  const Mat q = qr.householderQ();
  Vec values = Vec::LinSpaced(n, 1.0, n);
  values[0] = -3.0;
  return q * values.asDiagonal() * q.transpose();
}

}  // namespace

TEST_CASE(
    "largest eigenvalue of a known spectrum: within the residual, and warm starts are cheap") {
  const Quadratic quadratic(known_spectrum(60));
  const Vec x = Vec::Zero(60);
  LargestEigenSettings settings;
  settings.max_steps = 40;
  settings.relative_residual = 1e-6;
  const LargestEigen cold = largest_hessian_eigenvalue(quadratic, x, Vec(), settings);
  CHECK(cold.converged);
  // A Ritz value lies within its residual of an eigenvalue.
  CHECK(std::abs(cold.value - 60.0) <= cold.residual + 1e-9);
  CHECK(cold.residual <= 1e-6 * 60.0);
  CHECK((quadratic.hvp(x, cold.vector) - cold.value * cold.vector).norm() ==
        doctest::Approx(cold.residual).epsilon(1e-3).scale(1e-6));
  const LargestEigen warm = largest_hessian_eigenvalue(quadratic, x, cold.vector, settings);
  CHECK(warm.converged);
  CHECK(warm.hessian_vector_products < cold.hessian_vector_products);
  CHECK(warm.value == doctest::Approx(60.0).epsilon(1e-6));
}

TEST_CASE(
    "network λmax at 1% residual agrees with the dense Hessian; the Hessian with finite "
    "differences") {
  const TinyNetwork net = tiny_network();
  const NetworkObjective objective(net.mlp, net.data);
  const Mat hessian = objective.hessian(net.weights);
  // Columns of the Hessian against central differences of the exact gradient.
  const double h = 1e-5;
  for (int i : {0, 7, 20, 38}) {
    Vec plus = net.weights, minus = net.weights;
    plus[i] += h;
    minus[i] -= h;
    const Vec column = (objective.gradient(plus) - objective.gradient(minus)) / (2 * h);
    CHECK((column - hessian.col(i)).norm() <= 1e-6 * std::max(1.0, hessian.col(i).norm()));
  }
  const Eigen::SelfAdjointEigenSolver<Mat> dense(hessian);
  const double lambda_max = dense.eigenvalues().maxCoeff();
  const LargestEigen top = largest_hessian_eigenvalue(objective, net.weights, Vec());
  CHECK(top.converged);
  CHECK(top.hessian_vector_products <= 20);
  CHECK(top.residual <= 1e-2 * std::abs(top.value));
  CHECK(std::abs(top.value - lambda_max) <= top.residual + 1e-12);
}

TEST_CASE(
    "per-layer blocks: top eigenvalue and trace of each diagonal block of the dense Hessian") {
  const TinyNetwork net = tiny_network();
  const NetworkObjective objective(net.mlp, net.data);
  const Mat hessian = objective.hessian(net.weights);
  const std::vector<ParameterBlock> blocks = parameter_blocks(net.mlp);
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0].name == "0.weight");
  CHECK(blocks[3].name == "2.bias");
  BlockCurvatureSettings settings;
  settings.exact_trace_limit = 10;  // 0.weight (12) and 2.weight (18) go through Hutchinson
  settings.trace_probes = 400;
  const std::vector<BlockCurvature> curvature =
      block_curvature(objective, net.weights, blocks, settings);
  REQUIRE(curvature.size() == 4);
  for (size_t b = 0; b < blocks.size(); ++b) {
    const Mat block =
        hessian.block(blocks[b].offset, blocks[b].offset, blocks[b].size, blocks[b].size);
    const Eigen::SelfAdjointEigenSolver<Mat> dense(block);
    CHECK(curvature[b].top_eigenvalue ==
          doctest::Approx(dense.eigenvalues().maxCoeff()).epsilon(1e-6));
    if (blocks[b].size <= 10) {
      CHECK(curvature[b].trace_standard_error == 0.0);
      CHECK(curvature[b].trace == doctest::Approx(block.trace()).epsilon(1e-9));
    } else {
      CHECK(curvature[b].trace_standard_error > 0.0);
      CHECK(std::abs(curvature[b].trace - block.trace()) <= 3 * curvature[b].trace_standard_error);
    }
  }
}

TEST_CASE("epsilon-sharpness of a convex quadratic at its minimum is its value at a box corner") {
  // f = ½ Σ λ_i x_i² at x = 0: the box is |y_i| ≤ ε and the maximum ½ Σ λ_i ε² sits at a corner;
  // Keskar et al.'s φ = 100 · max / (1 + 0).
  Vec lambdas(4);
  lambdas << 1.0, 2.0, 5.0, 10.0;
  const Quadratic quadratic(lambdas.asDiagonal().toDenseMatrix());
  EpsilonSharpnessSettings settings;
  settings.epsilon = 1e-2;
  const EpsilonSharpness result = epsilon_sharpness(quadratic, Vec::Zero(4), settings);
  const double corner = 0.5 * lambdas.sum() * 1e-4;
  CHECK(result.loss == 0.0);
  CHECK(result.max_loss == doctest::Approx(corner).epsilon(1e-9));
  CHECK(result.sharpness == doctest::Approx(100.0 * corner).epsilon(1e-9));
}

TEST_CASE("SAM sharpness of a quadratic: rho |g| + rho^2 gᵀAg / (2 |g|^2)") {
  const Quadratic quadratic(known_spectrum(5));
  Vec x(5);
  x << 0.3, -1.0, 0.5, 2.0, -0.2;
  const Mat a = quadratic.hessian(x);
  const Vec g = a * x;
  const double rho = 0.05;
  const SamSharpness result = sam_sharpness(quadratic, x, rho);
  const double expected = rho * g.norm() + 0.5 * rho * rho * g.dot(a * g) / g.squaredNorm();
  CHECK(result.sharpness == doctest::Approx(expected).epsilon(1e-9));
  CHECK(sam_sharpness(quadratic, Vec::Zero(5), rho).sharpness == 0.0);  // g = 0
}

TEST_CASE("preconditioned sharpness: λmax(P⁻¹H) of a diagonal quadratic is max a_i / p_i") {
  Vec a(4), p(4);
  a << 1.0, 4.0, 9.0, 2.0;
  p << 0.5, 8.0, 1.0, 0.1;  // a/p = 2, 0.5, 9, 20
  const Quadratic quadratic(a.asDiagonal().toDenseMatrix());
  LargestEigenSettings settings;
  settings.relative_residual = 1e-8;
  const LargestEigen top =
      largest_preconditioned_eigenvalue(quadratic, Vec::Zero(4), p, Vec(), settings);
  CHECK(top.value == doctest::Approx(20.0).epsilon(1e-8));
  Vec bad = p;
  bad[1] = 0.0;
  CHECK_THROWS(largest_preconditioned_eigenvalue(quadratic, Vec::Zero(4), bad, Vec()));
}
