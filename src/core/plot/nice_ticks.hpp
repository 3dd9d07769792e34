// Axis ticks at "nice" numbers (1, 2, 5 × 10^k): Heckbert, "Nice numbers for graph labels",
// Graphics Gems (1990), pp. 61-63. Log axes get ticks at powers of ten.
#pragma once

#include <string>
#include <vector>

namespace lv {

struct Ticks {
  std::vector<double> values;       // inside [low, high]
  std::vector<std::string> labels;  // one per value, with just enough digits
};

// Heckbert's nicenum: the nice number near `value` (> 0); rounded to nearest if `round`, else
// the smallest nice number >= value.
double nice_number(double value, bool round);

// Linear ticks: about `target_count` ticks with a nice spacing, all inside [low, high].
Ticks linear_ticks(double low, double high, int target_count = 5);
// Log ticks: powers of ten inside [low, high] (both > 0), thinned to at most ~8; when the range
// spans less than a decade, falls back to linear ticks.
Ticks log_ticks(double low, double high);

// "10⁻³", "1", "10", "10²": a power of ten with a superscript exponent, as log axes label them.
std::string power_of_ten_label(int exponent);

// A compact label: fixed notation with `decimals` digits for moderate magnitudes, otherwise
// scientific ("1e-05", "2.5e+03").
std::string tick_label(double value, int decimals);

}  // namespace lv
