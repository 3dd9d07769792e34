// Landscape directions along the loss Hessian's top eigenvectors at the weights: the plane of the
// two sharpest directions (as PyHessian plots, Yao et al. 2020, "PyHessian: Neural Networks
// Through the Lens of the Hessian", §3), where random directions (Li et al. 2018) mostly see flat
// ones. Found by Lanczos on exact Hessian-vector products; the Hessian is never formed.
#pragma once

#include "common/types.hpp"
#include "curvature/top_eigenvalues.hpp"
#include "nn/dataset.hpp"
#include "nn/mlp.hpp"

namespace lv {

struct HessianDirections {
  Vec dx, dy;             // unit eigenvectors for λ₁ ≥ λ₂ (dy empty when count is 1)
  double lambda_x = 0.0;  // λ₁
  double lambda_y = 0.0;  // λ₂ (0 when count is 1)
  EigenStatus status = EigenStatus::Converged;
  long hessian_vector_products = 0;
};

// The top `count` (1 or 2) eigenpairs of the full-batch loss Hessian at `weights`. Each
// eigenvector's sign is fixed so that its largest-magnitude entry is positive, so the same
// weights always give the same picture. Throws InputError for a count other than 1 or 2.
HessianDirections hessian_directions(const Mlp& mlp, const Dataset& data, const Vec& weights,
                                     int count = 2);

}  // namespace lv
