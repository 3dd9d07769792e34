// The noise of mini-batch gradients at one point of a SampledObjective: the full gradient G, the
// exact covariance of a batch-mean gradient (sampling without replacement), a cloud of sampled
// batch gradients for the picture, and the gradient noise scale B_simple = tr(Σ)/|G|²
// (McCandlish et al. 2018, "An Empirical Model of Large-Batch Training", eq. 2.8).
#pragma once

#include <cstdint>
#include <vector>

#include "objective/sampled_objective.hpp"

namespace lv {

struct GradientNoise {
  Vec full_gradient;                 // G = mean of the per-sample gradients
  Mat sample_covariance;             // Σ: covariance of one sample's gradient (divided by n)
  Mat batch_covariance;              // covariance of a batch-mean gradient: Σ/B·(n−B)/(n−1)
  std::vector<Vec> batch_gradients;  // `batches` sampled batch-mean gradients
  double noise_scale = 0.0;          // B_simple = tr(Σ)/|G|² (infinite where G = 0)
};

// batch_size in [1, n] (0 or more than n: full batch, no noise); each sampled batch is a seeded
// draw of batch_size distinct samples, as one batch of a shuffled epoch.
GradientNoise gradient_noise(const SampledObjective& objective, const Vec& x, int batch_size,
                             int batches, uint64_t seed);

}  // namespace lv
