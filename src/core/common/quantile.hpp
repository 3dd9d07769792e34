// Sample quantiles for reporting distributions (box plots, comparison tables).
#pragma once

#include <vector>

namespace lv {

// The p-quantile (p in [0, 1]) of ascending values by linear interpolation between order
// statistics: Hyndman & Fan (1996) definition 7, numpy.quantile's default. +inf values sort
// last and give +inf where they are interpolated. NaN for an empty input.
double quantile_sorted(const std::vector<double>& sorted, double p);

}  // namespace lv
