#include "curvature/hutchinson_trace.hpp"

#include <Eigen/QR>
#include <algorithm>
#include <cmath>
#include <random>

#include "common/errors.hpp"

namespace lv {

TraceEstimate hutchinson_trace(const Objective& objective, const Vec& x, int probes,
                               uint64_t seed) {
  if (probes < 2)
    throw InputError("Hutchinson's estimator needs at least 2 probes, got " +
                     std::to_string(probes));
  if (x.size() != objective.dim()) throw InputError("the point has the wrong number of entries");
  std::mt19937_64 generator(seed);
  std::bernoulli_distribution coin(0.5);
  Vec probe(x.size());
  double sum = 0.0;
  double sum_of_squares = 0.0;
  for (int m = 0; m < probes; ++m) {
    for (Eigen::Index i = 0; i < probe.size(); ++i) probe[i] = coin(generator) ? 1.0 : -1.0;
    const double sample = probe.dot(objective.hvp(x, probe));
    sum += sample;
    sum_of_squares += sample * sample;
  }
  const double mean = sum / probes;
  const double variance = std::max(0.0, (sum_of_squares - probes * mean * mean) / (probes - 1));
  return {mean, std::sqrt(variance / probes), probes};
}

TraceEstimate hutchpp_trace(const Objective& objective, const Vec& x, int matvecs, uint64_t seed) {
  if (matvecs < 6)
    throw InputError("Hutch++ needs at least 6 Hessian-vector products, got " +
                     std::to_string(matvecs));
  if (x.size() != objective.dim()) throw InputError("the point has the wrong number of entries");
  const Eigen::Index n = x.size();
  const int third = matvecs / 3;
  std::mt19937_64 generator(seed);
  std::bernoulli_distribution coin(0.5);
  const auto rademacher = [&](Eigen::Index columns) {
    Mat probes(n, columns);
    for (Eigen::Index k = 0; k < probes.size(); ++k) probes(k) = coin(generator) ? 1.0 : -1.0;
    return probes;
  };
  const auto apply = [&](const Mat& vectors) {
    Mat products(n, vectors.cols());
    for (Eigen::Index j = 0; j < vectors.cols(); ++j)
      products.col(j) = objective.hvp(x, vectors.col(j));
    return products;
  };
  const Mat sketch = apply(rademacher(third));
  const Eigen::Index rank = std::min<Eigen::Index>(third, n);
  const Mat q = Eigen::HouseholderQR<Mat>(sketch).householderQ() * Mat::Identity(n, rank);
  const double deflated = (q.transpose() * apply(q)).trace();
  Mat g = rademacher(third);
  g -= q * (q.transpose() * g);
  const Mat hg = apply(g);
  double sum = 0.0, sum_of_squares = 0.0;
  for (int j = 0; j < third; ++j) {
    const double sample = g.col(j).dot(hg.col(j));
    sum += sample;
    sum_of_squares += sample * sample;
  }
  const double mean = sum / third;
  const double variance =
      third > 1 ? std::max(0.0, (sum_of_squares - third * mean * mean) / (third - 1)) : 0.0;
  return {deflated + mean, std::sqrt(variance / third), 3 * third};
}

}  // namespace lv
