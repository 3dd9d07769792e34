#include "curvature/spectral_density.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

#include "common/errors.hpp"

namespace lv {

SpectralDensity spectral_density(const Objective& objective, const Vec& x,
                                 const DensitySettings& settings) {
  if (settings.probes < 1 || settings.lanczos_steps < 1 || settings.points < 2 ||
      !(settings.relative_sigma > 0.0)) {
    throw InputError("spectral density: probes, Lanczos steps, points and sigma must be positive");
  }
  if (x.size() != objective.dim()) throw InputError("the point has the wrong number of entries");
  std::mt19937_64 generator(settings.seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  SpectralDensity result;
  for (int probe = 0; probe < settings.probes; ++probe) {
    Vec start(x.size());
    for (Eigen::Index i = 0; i < start.size(); ++i) start[i] = normal(generator);
    Vec alpha, beta;
    lanczos_tridiagonal(objective, x, start, settings.lanczos_steps, alpha, beta);
    Eigen::SelfAdjointEigenSolver<Mat> tridiagonal;
    tridiagonal.computeFromTridiagonal(alpha, beta, Eigen::ComputeEigenvectors);
    for (Eigen::Index k = 0; k < alpha.size(); ++k) {
      const double first = tridiagonal.eigenvectors()(0, k);
      result.nodes.push_back(tridiagonal.eigenvalues()[k]);
      result.weights.push_back(first * first / settings.probes);
    }
  }
  const auto [low, high] = std::minmax_element(result.nodes.begin(), result.nodes.end());
  result.sigma =
      settings.relative_sigma * std::max(*high - *low, 1e-12 * std::max(1.0, std::abs(*high)));
  const double first = *low - 5 * result.sigma;
  const double last = *high + 5 * result.sigma;
  const double normalization = 1.0 / (result.sigma * std::sqrt(2.0 * std::numbers::pi));
  for (int p = 0; p < settings.points; ++p) {
    const double t = first + (last - first) * p / (settings.points - 1);
    double value = 0.0;
    for (size_t k = 0; k < result.nodes.size(); ++k) {
      const double z = (t - result.nodes[k]) / result.sigma;
      value += result.weights[k] * normalization * std::exp(-0.5 * z * z);
    }
    result.x.push_back(t);
    result.density.push_back(value);
  }
  return result;
}

}  // namespace lv
