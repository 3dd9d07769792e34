// Truncated conjugate gradient for Newton steps without a dense Hessian: solves B p = −g with
// Hessian-vector products only (Nocedal & Wright, Numerical Optimization 2nd ed., Alg. 7.1).
#pragma once

#include <functional>

#include "common/types.hpp"

namespace lv {

struct TruncatedCgResult {
  Vec step;                         // p ≈ −B⁻¹g; a descent direction for any B
  int iterations = 0;               // products B·v used
  bool negative_curvature = false;  // stopped on a direction with dᵀBd ≤ 0
};

// `multiply(v)` returns B v. Stops when ‖Bp + g‖ ≤ min(0.5, √‖g‖)·‖g‖ (the forcing sequence of
// Alg. 7.1, which gives superlinear convergence), after `max_iterations` products, or at the
// first direction of non-positive curvature: then it returns the iterate so far, or −g if that
// happens at once.
TruncatedCgResult truncated_cg(const std::function<Vec(const Vec&)>& multiply, const Vec& gradient,
                               int max_iterations);

}  // namespace lv
