// Stochastic trace estimators on any lv::Objective through Hessian-vector products: Hutchinson's,
// tr(H) ≈ (1/m) Σ zᵀHz with Rademacher probes z (Hutchinson 1990; Avron & Toledo 2011 show
// Rademacher probes have the least variance), and Hutch++ (low-rank deflation first). Seeded:
// same seed, same estimate.
#pragma once

#include <cstdint>

#include "common/types.hpp"
#include "objective/objective.hpp"

namespace lv {

struct TraceEstimate {
  double trace = 0.0;
  double standard_error = 0.0;  // sample standard deviation of zᵀHz / √m
  int probes = 0;
};

// Throws InputError for probes < 2 or a point of the wrong size.
TraceEstimate hutchinson_trace(const Objective& objective, const Vec& x, int probes, uint64_t seed);

// Hutch++ (Meyer, Musco, Musco & Woodruff 2021, Algorithm 1) with `matvecs` HVPs, split in
// thirds: Q = orth(H S) for Rademacher S (n × m/3) takes the top of the spectrum exactly,
// tr(H) ≈ tr(QᵀHQ) + (3/m)·tr(Gᵀ(I − QQᵀ)H(I − QQᵀ)G) for Rademacher G. Far fewer HVPs than
// Hutchinson for the same accuracy when a few eigenvalues dominate (as in networks). The standard
// error is that of the second (Hutchinson) term over its m/3 probes. `probes` in the result is m.
// Throws InputError for matvecs < 6 or a point of the wrong size.
TraceEstimate hutchpp_trace(const Objective& objective, const Vec& x, int matvecs, uint64_t seed);

}  // namespace lv
