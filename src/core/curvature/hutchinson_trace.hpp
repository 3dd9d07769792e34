// Hutchinson's stochastic trace estimator, tr(H) ≈ (1/m) Σ zᵀHz with Rademacher probes z
// (Hutchinson 1990; Avron & Toledo 2011 show Rademacher probes have the least variance), on any
// lv::Objective through Hessian-vector products. Seeded: same seed, same estimate.
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

}  // namespace lv
