#include "numeric/precision.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/errors.hpp"
#include "common/name_lookup.hpp"

namespace lv {

namespace {

// A binary floating-point format: `precision` significand bits (the implicit one included) and
// the exponent range [min_exponent, max_exponent] of its normal numbers (IEEE 754-2019 Table 3.5;
// bfloat16 keeps float32's exponent range with an 8-bit significand).
struct BinaryFormat {
  int precision;
  int min_exponent;
  int max_exponent;
};

BinaryFormat binary_format(NumberFormat format) {
  switch (format) {
    case NumberFormat::Float32:
      return {24, -126, 127};
    case NumberFormat::BFloat16:
      return {8, -126, 127};
    case NumberFormat::Float16:
      return {11, -14, 15};
    case NumberFormat::Float64:
      break;
  }
  return {53, -1022, 1023};
}

// The distance between neighbouring values of `binary` around a finite, nonzero |x|.
double quantum(const BinaryFormat& binary, double magnitude) {
  int exponent = 0;
  std::frexp(magnitude, &exponent);  // magnitude = m·2^exponent, m in [0.5, 1)
  const int unbiased = std::max(exponent - 1, binary.min_exponent);
  return std::ldexp(1.0, unbiased - binary.precision + 1);
}

}  // namespace

const char* number_format_name(NumberFormat format) {
  switch (format) {
    case NumberFormat::Float64:
      return "float64";
    case NumberFormat::Float32:
      return "float32";
    case NumberFormat::BFloat16:
      return "bfloat16";
    case NumberFormat::Float16:
      return "float16";
  }
  return "float64";
}

const std::vector<NumberFormat>& number_formats() {
  static const std::vector<NumberFormat> formats = {NumberFormat::Float64, NumberFormat::Float32,
                                                    NumberFormat::BFloat16, NumberFormat::Float16};
  return formats;
}

NumberFormat parse_number_format(std::string_view name) {
  std::vector<std::string> names;
  for (NumberFormat format : number_formats()) {
    if (name == number_format_name(format)) return format;
    names.emplace_back(number_format_name(format));
  }
  throw InputError("unknown number format '" + std::string(name) + "'" + did_you_mean(name, names) +
                   "; expected float64, float32, bfloat16 or float16");
}

double largest_finite(NumberFormat format) {
  const BinaryFormat binary = binary_format(format);
  return std::ldexp(2.0 - std::ldexp(1.0, 1 - binary.precision), binary.max_exponent);
}

double spacing_at(NumberFormat format, double x) {
  const BinaryFormat binary = binary_format(format);
  if (!std::isfinite(x)) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0.0) return std::ldexp(1.0, binary.min_exponent - binary.precision + 1);
  return quantum(binary, std::abs(x));
}

// Scales |x| so that the format's quantum at |x| becomes 1 (exact: a power of two), rounds to an
// integer with std::nearbyint (the default rounding mode: to nearest, ties to even) and scales
// back. One rounding from the double, as a hardware conversion does.
double round_to(NumberFormat format, double x) {
  if (format == NumberFormat::Float64 || !std::isfinite(x) || x == 0.0) return x;
  const BinaryFormat binary = binary_format(format);
  const double step = quantum(binary, std::abs(x));
  const double rounded = std::nearbyint(std::abs(x) / step) * step;
  const double magnitude =
      rounded > largest_finite(format) ? std::numeric_limits<double>::infinity() : rounded;
  return std::copysign(magnitude, x);  // keeps the sign of a value rounded to zero
}

void round_to(NumberFormat format, Vec& values) {
  if (format == NumberFormat::Float64) return;
  for (double& value : values) value = round_to(format, value);
}

}  // namespace lv
