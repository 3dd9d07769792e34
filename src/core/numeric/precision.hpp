// Number formats a run can be emulated in (float64, float32, bfloat16, float16) and round_to(),
// which rounds a double to the nearest value of a format as IEEE 754 does (round to nearest,
// ties to even; subnormals; overflow to ±inf; NaN stays NaN). See docs/precision.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/types.hpp"

namespace lv {

enum class NumberFormat { Float64, Float32, BFloat16, Float16 };

// "float64", "float32", "bfloat16", "float16" (the CLI's --precision values, the scene key).
const char* number_format_name(NumberFormat format);
// Every format in menu order (float64 first: the default).
const std::vector<NumberFormat>& number_formats();
// Throws InputError naming the closest format for an unknown name.
NumberFormat parse_number_format(std::string_view name);

// The largest finite value of the format (65504 for float16).
double largest_finite(NumberFormat format);
// The spacing of the format's numbers at |x| (the unit in the last place; the subnormal spacing
// below the smallest normal): an update smaller than half of it rounds away.
double spacing_at(NumberFormat format, double x);

// x rounded to the nearest value of `format` (ties to even). Float64 returns x unchanged.
double round_to(NumberFormat format, double x);
void round_to(NumberFormat format, Vec& values);

}  // namespace lv
