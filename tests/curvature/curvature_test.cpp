// Curvature tools checked against Eigen's dense eigensolver on the Hessian of a tiny network:
// Lanczos top-k (values and residuals ‖Hv − λv‖), Hutchinson's trace within its statistical
// error, and the SLQ density (a probability density whose first two moments are tr(H)/n and
// tr(H²)/n, Ghorbani et al. 2019).
#include <doctest/doctest.h>

#include <Eigen/Eigenvalues>
#include <cmath>

#include "curvature/hutchinson_trace.hpp"
#include "curvature/spectral_density.hpp"
#include "curvature/top_eigenvalues.hpp"
#include "nn/network_objective.hpp"
#include "tiny_network.hpp"

using namespace lv;
using lv::test::tiny_network;
using lv::test::TinyNetwork;

namespace {

// The exact Hessian from the objective's HVP columns, symmetrized.
Mat dense_hessian(const Objective& objective, const Vec& x) {
  return objective.hessian(x);
}

}  // namespace

TEST_CASE("Lanczos top-k agrees with the dense eigensolver and has small residuals") {
  const TinyNetwork net = tiny_network();
  const NetworkObjective objective(net.mlp, net.data);
  REQUIRE(objective.dim() == 39);
  const Eigen::SelfAdjointEigenSolver<Mat> dense(dense_hessian(objective, net.weights));
  const TopEigenResult top = top_hessian_eigenvalues(objective, net.weights, 4);
  CHECK(top.status == EigenStatus::Converged);
  REQUIRE(top.values.size() == 4);
  const double scale = dense.eigenvalues().cwiseAbs().maxCoeff();
  for (int i = 0; i < 4; ++i) {
    CHECK(top.values[i] == doctest::Approx(dense.eigenvalues()[38 - i]).epsilon(1e-8));
    CHECK(top.residuals[i] <= 1e-6 * scale);
  }
  CHECK(top.values[0] >= top.values[1]);
  // k ≥ n − 1 takes the dense path and returns the whole spectrum, descending.
  const TopEigenResult all = top_hessian_eigenvalues(objective, net.weights, 100);
  CHECK(all.values.size() == 39);
  CHECK(all.values[38] == doctest::Approx(dense.eigenvalues()[0]));
}

TEST_CASE("Hutchinson's trace is within 4 standard errors of the exact trace and seeded") {
  const TinyNetwork net = tiny_network();
  const NetworkObjective objective(net.mlp, net.data);
  const double exact = dense_hessian(objective, net.weights).trace();
  const TraceEstimate estimate = hutchinson_trace(objective, net.weights, 400, 7);
  CHECK(std::abs(estimate.trace - exact) <= 4 * estimate.standard_error);
  CHECK(estimate.standard_error > 0.0);
  CHECK(hutchinson_trace(objective, net.weights, 400, 7).trace == estimate.trace);
}

TEST_CASE("Hutchinson's trace is within 3 standard errors of the exact trace for several seeds") {
  const TinyNetwork net = tiny_network();
  const NetworkObjective objective(net.mlp, net.data);
  const double exact = dense_hessian(objective, net.weights).trace();
  for (uint64_t seed = 11; seed <= 15; ++seed) {
    const TraceEstimate estimate = hutchinson_trace(objective, net.weights, 200, seed);
    CHECK(std::abs(estimate.trace - exact) <= 3 * estimate.standard_error);
  }
}

TEST_CASE("SLQ density integrates to 1; its first two moments are tr(H)/n and tr(H²)/n") {
  const TinyNetwork net = tiny_network();
  const NetworkObjective objective(net.mlp, net.data);
  const Mat hessian = dense_hessian(objective, net.weights);
  DensitySettings settings;
  settings.probes = 400;        // the second moment is dominated by a few outliers: many probes
  settings.lanczos_steps = 39;  // the full Krylov space: quadrature exact for each probe
  const SpectralDensity density = spectral_density(objective, net.weights, settings);
  double weight_sum = 0.0, mean = 0.0;
  for (size_t k = 0; k < density.nodes.size(); ++k) {
    weight_sum += density.weights[k];
    mean += density.weights[k] * density.nodes[k];
  }
  CHECK(weight_sum == doctest::Approx(1.0));
  // E[vᵀHv/‖v‖²] = tr(H)/n for Gaussian v; the probes give a few percent of the spread.
  const Eigen::SelfAdjointEigenSolver<Mat> dense(hessian);
  const double spread = dense.eigenvalues().maxCoeff() - dense.eigenvalues().minCoeff();
  CHECK(std::abs(mean - hessian.trace() / 39.0) < 0.05 * spread);
  // The second moment: E[vᵀH²v/‖v‖²] = tr(H²)/n.
  double second = 0.0;
  for (size_t k = 0; k < density.nodes.size(); ++k)
    second += density.weights[k] * density.nodes[k] * density.nodes[k];
  const double exact_second = (hessian * hessian).trace() / 39.0;
  CHECK(std::abs(second - exact_second) < 0.15 * exact_second);  // sampling error ~ 6% here
  double integral = 0.0;
  for (size_t p = 1; p < density.x.size(); ++p) {
    integral +=
        0.5 * (density.density[p] + density.density[p - 1]) * (density.x[p] - density.x[p - 1]);
  }
  CHECK(integral == doctest::Approx(1.0).epsilon(0.01));
  // With the full Krylov space, the Ritz values are the eigenvalues: the extremes match.
  const auto [low, high] = std::minmax_element(density.nodes.begin(), density.nodes.end());
  CHECK(*high == doctest::Approx(dense.eigenvalues().maxCoeff()).epsilon(1e-6));
  CHECK(*low == doctest::Approx(dense.eigenvalues().minCoeff()).epsilon(1e-6).scale(spread));
}

TEST_CASE("Lanczos tridiagonalization reproduces the extreme eigenvalue of a diagonal quadratic") {
  // f(x) = ½ Σ d_i x_i², H = diag(d): with all n steps T has exactly the eigenvalues d.
  struct Diagonal : Objective {
    Vec d = Vec::LinSpaced(12, -2.0, 9.0);
    int dim() const override { return 12; }
    double value(const Vec& x) const override { return 0.5 * x.dot(d.cwiseProduct(x)); }
    double value_gradient(const Vec& x, Vec& g) const override {
      g = d.cwiseProduct(x);
      return value(x);
    }
    Vec hvp(const Vec&, const Vec& v) const override { return d.cwiseProduct(v); }
  } diagonal;
  Vec alpha, beta;
  lanczos_tridiagonal(diagonal, Vec::Zero(12), Vec::Ones(12), 12, alpha, beta);
  Eigen::SelfAdjointEigenSolver<Mat> tridiagonal;
  tridiagonal.computeFromTridiagonal(alpha, beta, Eigen::EigenvaluesOnly);
  CHECK(tridiagonal.eigenvalues()[11] == doctest::Approx(9.0));
  CHECK(tridiagonal.eigenvalues()[0] == doctest::Approx(-2.0));
  const TopEigenResult top = top_hessian_eigenvalues(diagonal, Vec::Zero(12), 2);
  CHECK(top.values[0] == doctest::Approx(9.0));
  CHECK(top.values[1] == doctest::Approx(8.0));
}

TEST_CASE("Hutch++ is within 3 standard errors of the exact trace and beats Hutchinson's error") {
  const TinyNetwork net = tiny_network();
  const NetworkObjective objective(net.mlp, net.data);
  const double exact = dense_hessian(objective, net.weights).trace();
  double hutchpp_error = 0.0, hutchinson_error = 0.0;
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    const TraceEstimate plus = hutchpp_trace(objective, net.weights, 30, seed);
    CHECK(plus.probes == 30);
    CHECK(std::abs(plus.trace - exact) <= 3 * plus.standard_error + 1e-9 * std::abs(exact));
    hutchpp_error += std::abs(plus.trace - exact);
    hutchinson_error += std::abs(hutchinson_trace(objective, net.weights, 30, seed).trace - exact);
  }
  // The same 30 HVPs: deflating the top 10 directions leaves a far smaller random part.
  CHECK(hutchpp_error < hutchinson_error);
  // With a sketch as wide as the space, the deflated part is the whole trace.
  const TraceEstimate full = hutchpp_trace(objective, net.weights, 3 * 39, 2);
  CHECK(full.trace == doctest::Approx(exact).epsilon(1e-9));
}
