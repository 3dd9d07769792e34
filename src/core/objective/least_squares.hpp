// lv::LeastSquares: the extra view of an objective f(x) = Σᵢ rᵢ(x)² that Gauss–Newton and the
// Gauss–Newton metric of natural gradient need: the residuals and their Jacobian. Optimizers
// detect it with dynamic_cast on the Objective they are given.
#pragma once

#include "common/types.hpp"

namespace lv {

class LeastSquares {
 public:
  virtual ~LeastSquares() = default;

  virtual int residual_count() const = 0;
  // Writes r(x) (residual_count() entries) and J(x) with J_ij = ∂rᵢ/∂x_j.
  virtual void residuals_jacobian(const Vec& x, Vec& residuals, Mat& jacobian) const = 0;
};

}  // namespace lv
