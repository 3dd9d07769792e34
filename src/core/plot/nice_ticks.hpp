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

// Ticks of a log axis whose range is given in log10 units, values in log10 units too, labels in
// plain text as people read them: with two decades or more, the powers of ten ("0.01", "1",
// "100", "1e-06"; thinned to at most five), and in `minor` (may be null) the unlabelled
// 2…9 × 10^k when the range spans at most six decades; with less, 1, 2 and 5 × 10^k ("0.02",
// "0.05", "0.1"); narrower still, nice linear values of the data.
Ticks log10_axis_ticks(double log_low, double log_high, std::vector<double>* minor = nullptr);

// "10⁻³", "1", "10", "10²": a power of ten with a superscript exponent, as log axes label them.
std::string power_of_ten_label(int exponent);

// A compact label: fixed notation with `decimals` digits for moderate magnitudes, otherwise
// scientific ("1e-05", "2.5e+03").
std::string tick_label(double value, int decimals);

}  // namespace lv
