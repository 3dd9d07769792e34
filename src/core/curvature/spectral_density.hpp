// The Hessian's eigenvalue density by stochastic Lanczos quadrature (Ghorbani, Krishnan & Xiao
// 2019, "An Investigation into Neural Net Optimization via Hessian Eigenvalue Density", §2–3):
// m Lanczos steps from each of n_v Gaussian probes give Ritz values θ_k and weights τ_k (squared
// first components of the tridiagonal's eigenvectors); the density is
//   φ(t) = (1/n_v) Σ_probes Σ_k τ_k · N(t; θ_k, σ²),
// a Gaussian-broadened estimate that integrates to 1.
#pragma once

#include <cstdint>
#include <vector>

#include "common/types.hpp"
#include "curvature/lanczos.hpp"
#include "objective/objective.hpp"

namespace lv {

struct DensitySettings {
  int probes = 10;         // random starting vectors n_v (default: 10)
  int lanczos_steps = 40;  // m, clamped to dim() (default: 40)
  int points = 200;        // grid points of the returned curve (default: 200)
  // Gaussian width σ as a fraction of the Ritz-value range (default: 0.01).
  double relative_sigma = 0.01;
  uint64_t seed = 0;
};

struct SpectralDensity {
  std::vector<double> x;        // evaluation grid, spanning the Ritz values ± 5σ
  std::vector<double> density;  // φ(x)
  std::vector<double> nodes;    // all Ritz values θ (for each probe, concatenated)
  std::vector<double> weights;  // matching τ / n_v (they sum to 1)
  double sigma = 0.0;
};

// Throws InputError for non-positive settings or a point of the wrong size.
SpectralDensity spectral_density(const Objective& objective, const Vec& x,
                                 const DensitySettings& settings = {});

}  // namespace lv
