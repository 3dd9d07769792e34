// Sharpness measures of any lv::Objective at a point, cheap enough to track during training:
//  - λmax by a few Lanczos steps warm-started from the previous top eigenvector, stopped at a
//    relative Ritz residual (the edge-of-stability reference code reruns a full eigensolver);
//  - ε-sharpness (Keskar et al. 2017, "On Large-Batch Training for Deep Learning", metric 2.1):
//    the largest relative loss increase in the box |y_i| ≤ ε(|x_i| + 1), by projected gradient
//    ascent from a random point of the box (sign steps, as PGD in the L∞ ball; Keskar et al.
//    use L-BFGS-B, a local method too: both give a lower bound of the true maximum);
//  - SAM sharpness (Foret et al. 2021): L(x + ρ g/‖g‖) − L(x);
//  - per-block curvature: the top eigenvalue and the Hutchinson trace of the Hessian's diagonal
//    blocks (one block per layer's weight or bias), through HVPs of the whole objective.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/types.hpp"
#include "curvature/top_eigenvalues.hpp"
#include "objective/objective.hpp"

namespace lv {

struct LargestEigenSettings {
  int max_steps = 20;               // Lanczos steps (HVPs) at most (default: 20)
  double relative_residual = 1e-2;  // stop when ‖Hv − θv‖ ≤ this · |θ| (default: 1e-2)
  uint64_t seed = 0;                // for the random start when there is no warm start
};

struct LargestEigen {
  double value = 0.0;     // the Ritz value θ (largest algebraic)
  Vec vector;             // its unit Ritz vector (warm start for the next call)
  double residual = 0.0;  // ‖Hv − θv‖ (from the Lanczos recurrence; exact in exact arithmetic)
  bool converged = false;
  int hessian_vector_products = 0;
};

// λmax of the Hessian at x. `warm_start` (may be empty) seeds the Krylov space. Throws InputError
// for a point of the wrong size or non-positive settings.
LargestEigen largest_hessian_eigenvalue(const Objective& objective, const Vec& x,
                                        const Vec& warm_start,
                                        const LargestEigenSettings& settings = {});

// λmax(P⁻¹H) for a positive diagonal P, as the largest eigenvalue of the symmetric
// P^(-1/2) H P^(-1/2) (similar to P⁻¹H, so the same spectrum). Throws InputError for a P of the
// wrong size or with a non-positive entry.
LargestEigen largest_preconditioned_eigenvalue(const Objective& objective, const Vec& x,
                                               const Vec& preconditioner, const Vec& warm_start,
                                               const LargestEigenSettings& settings = {});

struct EpsilonSharpnessSettings {
  double epsilon = 1e-3;  // box half-width factor ε (default: 1e-3, Keskar et al. use 1e-3, 5e-4)
  int steps = 20;         // projected sign-gradient ascent steps (default: 20)
  uint64_t seed = 0;      // the ascent starts at a random point of the box (at a minimum the
                          // gradient is zero and a sign step from the centre would not move)
};

struct EpsilonSharpness {
  double sharpness = 0.0;  // 100 · (max f(x+y) − f(x)) / (1 + f(x)), Keskar et al.'s φ
  double loss = 0.0;       // f(x)
  double max_loss = 0.0;   // the largest f(x + y) found in the box
};

EpsilonSharpness epsilon_sharpness(const Objective& objective, const Vec& x,
                                   const EpsilonSharpnessSettings& settings = {});

struct SamSharpness {
  double sharpness = 0.0;  // L(x + ρ g/‖g‖) − L(x); 0 where g = 0
  double loss = 0.0;
  double perturbed_loss = 0.0;
};

SamSharpness sam_sharpness(const Objective& objective, const Vec& x, double rho);

// A contiguous range of the parameter vector (a layer's weight or bias).
struct ParameterBlock {
  std::string name;  // "0.weight", "0.bias", ...
  Eigen::Index offset = 0;
  Eigen::Index size = 0;
};

struct BlockCurvature {
  std::string name;
  double top_eigenvalue = 0.0;  // of the diagonal block H[b, b]
  double top_residual = 0.0;
  EigenStatus status = EigenStatus::Converged;
  double trace = 0.0;  // exact for blocks of ≤ exact_trace_limit entries, else Hutchinson
  double trace_standard_error = 0.0;  // 0 when exact
};

struct BlockCurvatureSettings {
  int trace_probes = 50;       // Hutchinson probes for large blocks (default: 50)
  int exact_trace_limit = 64;  // blocks up to this size get their exact trace (default: 64)
  uint64_t seed = 0;
  TopEigenSettings eigen;  // for the block's top eigenvalue
};

std::vector<BlockCurvature> block_curvature(const Objective& objective, const Vec& x,
                                            const std::vector<ParameterBlock>& blocks,
                                            const BlockCurvatureSettings& settings = {});

}  // namespace lv
