// The k largest (algebraic) Hessian eigenvalues of any lv::Objective at a point, by implicitly
// restarted Lanczos (Spectra::SymEigsSolver) on Hessian-vector products only — the Hessian of a
// network is never formed. Non-convergence is a status, not an exception.
#pragma once

#include "common/types.hpp"
#include "objective/objective.hpp"

namespace lv {

enum class EigenStatus { Converged, NotConverged, NumericalIssue };
const char* eigen_status_name(EigenStatus status);

struct TopEigenSettings {
  int max_iterations = 1000;  // restarts of the Lanczos iteration (default: 1000)
  double tolerance = 1e-8;    // relative accuracy of the Ritz values (default: 1e-8)
};

struct TopEigenResult {
  Vec values;     // descending
  Mat vectors;    // one unit eigenvector per column, matching `values`
  Vec residuals;  // ‖H v − λ v‖ per pair, measured with one more HVP each
  EigenStatus status = EigenStatus::Converged;
  long hessian_vector_products = 0;
};

// k is clamped to dim(); for k ≥ dim() − 1 the Hessian is assembled from dim() HVP columns and
// decomposed densely. Throws InputError for k < 1 or a point of the wrong size.
TopEigenResult top_hessian_eigenvalues(const Objective& objective, const Vec& x, int k,
                                       const TopEigenSettings& settings = {});

}  // namespace lv
