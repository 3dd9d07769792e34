#include "curvature/hutchinson_trace.hpp"

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

}  // namespace lv
