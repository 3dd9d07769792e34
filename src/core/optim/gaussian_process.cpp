#include "optim/gaussian_process.hpp"

#include <cmath>
#include <numbers>

namespace lv {

namespace {

// RBF: exp(−r²/2ℓ²) (eq. 4.9); Matérn 5/2: (1 + √5 r/ℓ + 5r²/3ℓ²) exp(−√5 r/ℓ) (eq. 4.17), with
// scaled_distance = r/ℓ.
double kernel_of_distance(KernelKind kind, double scaled_distance) {
  if (kind == KernelKind::Rbf) return std::exp(-0.5 * scaled_distance * scaled_distance);
  const double scaled = std::sqrt(5.0) * scaled_distance;
  return (1.0 + scaled + scaled * scaled / 3.0) * std::exp(-scaled);
}

}  // namespace

double kernel_value(KernelKind kind, double length_scale, const Vec& a, const Vec& b) {
  return kernel_of_distance(kind, (a - b).norm() / length_scale);
}

bool GaussianProcess::fit(KernelKind kind, double length_scale, double noise, const Mat& inputs,
                          const Vec& targets) {
  kind_ = kind;
  length_scale_ = length_scale;
  inputs_ = inputs;
  const Eigen::Index n = inputs.rows();
  Mat covariance(n, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j <= i; ++j) {
      covariance(i, j) = covariance(j, i) =
          kernel_value(kind, length_scale, inputs.row(i).transpose(), inputs.row(j).transpose());
    }
  }
  covariance.diagonal().array() += noise;
  cholesky_.compute(covariance);
  if (cholesky_.info() != Eigen::Success) return false;
  alpha_ = cholesky_.solve(targets);
  const Mat lower = cholesky_.matrixL();
  log_marginal_likelihood_ = -0.5 * targets.dot(alpha_) - lower.diagonal().array().log().sum() -
                             0.5 * static_cast<double>(n) * std::log(2.0 * std::numbers::pi);
  return true;
}

// Algorithm 2.1: f̄* = k*ᵀα, V[f*] = k(x*, x*) − vᵀv with v = L⁻¹k*.
GaussianPrediction GaussianProcess::predict(const Vec& point) const {
  const Eigen::Index n = inputs_.rows();
  Vec cross(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    cross[i] = kernel_value(kind_, length_scale_, inputs_.row(i).transpose(), point);
  }
  const Vec v = cholesky_.matrixL().solve(cross);
  return {cross.dot(alpha_), std::max(0.0, 1.0 - v.squaredNorm())};
}

std::vector<GaussianPrediction> GaussianProcess::predict_many(const Mat& points) const {
  const Eigen::Index n = inputs_.rows();
  const Eigen::Index m = points.cols();
  Mat cross(n, m);
  for (Eigen::Index j = 0; j < m; ++j) {
    for (Eigen::Index i = 0; i < n; ++i) {
      const double distance = (inputs_.row(i).transpose() - points.col(j)).norm();
      cross(i, j) = kernel_of_distance(kind_, distance / length_scale_);
    }
  }
  const Vec means = cross.transpose() * alpha_;
  cholesky_.matrixL().solveInPlace(cross);
  std::vector<GaussianPrediction> predictions(static_cast<size_t>(m));
  for (Eigen::Index j = 0; j < m; ++j) {
    predictions[static_cast<size_t>(j)] = {means[j],
                                           std::max(0.0, 1.0 - cross.col(j).squaredNorm())};
  }
  return predictions;
}

double expected_improvement(const GaussianPrediction& prediction, double best, double xi) {
  const double improvement = best - prediction.mean - xi;
  const double deviation = std::sqrt(prediction.variance);
  if (deviation < 1e-12) return std::max(0.0, improvement);
  const double z = improvement / deviation;
  const double cdf = 0.5 * std::erfc(-z / std::numbers::sqrt2);
  const double pdf = std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
  return improvement * cdf + deviation * pdf;
}

}  // namespace lv
