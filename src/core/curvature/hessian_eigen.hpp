// Eigenvalues and eigenvectors of a symmetric 2×2 Hessian in closed form, and the condition
// number: what the app draws at each optimizer's point and reads out under the cursor. The closed
// form (mean ± radius of Mohr's circle, the eigenvector angle ½·atan2(2b, a − c)) has no
// iteration and no branch on the matrix's sign, so every finite matrix gets an answer. GL-free.
#pragma once

#include "common/types.hpp"

namespace lv {

struct HessianEigen2 {
  double lambda_min = 0.0, lambda_max = 0.0;  // λ1 ≤ λ2
  Vec v_min, v_max;                           // unit eigenvectors of λ1 and λ2, orthogonal
};

// The eigen decomposition of [[a, b], [b, c]].
HessianEigen2 symmetric_eigen_2x2(double a, double b, double c);
// The same for a 2×2 matrix (its symmetric part).
HessianEigen2 symmetric_eigen_2x2(const Mat& hessian);

// max|λ| / min|λ| over the two eigenvalues (≥ 1; equal to λmax/λmin for a positive definite
// Hessian; infinite where an eigenvalue is 0, NaN where both are).
double condition_number(double lambda_min, double lambda_max);

}  // namespace lv
