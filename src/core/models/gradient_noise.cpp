#include "models/gradient_noise.hpp"

#include <limits>

#include "objective/minibatch_sampler.hpp"

namespace lv {

GradientNoise gradient_noise(const SampledObjective& objective, const Vec& x, int batch_size,
                             int batches, uint64_t seed) {
  const int n = objective.sample_count();
  const int dim = objective.dim();
  if (batch_size <= 0 || batch_size > n) batch_size = n;
  GradientNoise noise;
  objective.value_gradient(x, noise.full_gradient);
  noise.sample_covariance = Mat::Zero(dim, dim);
  Vec gradient(dim);
  for (int i = 0; i < n; ++i) {
    const int index[] = {i};
    objective.batch_value_gradient(x, index, gradient);
    const Vec deviation = gradient - noise.full_gradient;
    noise.sample_covariance += deviation * deviation.transpose();
  }
  noise.sample_covariance /= n;
  // Sampling B of n without replacement shrinks the variance of the mean by (n − B)/(n − 1)
  // (the finite-population correction); a full batch has none.
  const double correction = n > 1 ? static_cast<double>(n - batch_size) / (n - 1) : 0.0;
  noise.batch_covariance = noise.sample_covariance * (correction / batch_size);
  const double squared_norm = noise.full_gradient.squaredNorm();
  noise.noise_scale = squared_norm > 0.0 ? noise.sample_covariance.trace() / squared_norm
                                         : std::numeric_limits<double>::infinity();
  for (int k = 0; k < batches; ++k) {
    // A fresh sampler per batch: its first batch is a uniform draw without replacement.
    MiniBatchSampler sampler(n, batch_size, seed + static_cast<uint64_t>(k));
    objective.batch_value_gradient(x, sampler.next(), gradient);
    noise.batch_gradients.push_back(gradient);
  }
  return noise;
}

}  // namespace lv
