// The Lanczos iteration with full reorthogonalization on Hessian-vector products: the one loop
// behind stochastic Lanczos quadrature (spectral_density) and the warm-started λmax of sharpness
// tracking (sharpness). Builds an orthonormal Krylov basis Q from `start` and the tridiagonal
// T = QᵀHQ (diagonal α, off-diagonal β); a caller may stop it after any step.
#pragma once

#include <functional>

#include "common/types.hpp"
#include "objective/objective.hpp"

namespace lv {

struct LanczosRun {
  Vec alpha;  // T's diagonal, one entry per step taken
  Vec beta;   // T's off-diagonal (one fewer entry)
  Mat basis;  // Q, one column per step taken
  int hessian_vector_products = 0;
};

// Called after step j with α (j + 1 entries), β (j entries) and ‖r‖, the norm of the new
// residual vector after reorthogonalization (the next β; a Ritz pair (θ, Qs) has the residual
// ‖r‖·|s_j|). Returning true ends the iteration after that step.
using LanczosStop = std::function<bool(const Vec& alpha, const Vec& beta, double residual_norm)>;

// At most `steps` steps (clamped to dim()) from `start` (normalized here). Stops early when
// `stop` says so or the Krylov space is exhausted (‖r‖ ≤ 1e-12·max(1, |α_j|)).
LanczosRun lanczos(const Objective& objective, const Vec& x, const Vec& start, int steps,
                   const LanczosStop& stop = nullptr);

// The tridiagonal only: α and β of `steps` steps (fewer when the space is exhausted).
void lanczos_tridiagonal(const Objective& objective, const Vec& x, const Vec& start, int steps,
                         Vec& alpha, Vec& beta);

}  // namespace lv
