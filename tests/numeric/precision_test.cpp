// round_to against the IEEE 754 definitions: float32 against the hardware conversion
// static_cast<float>, float16 against GCC's _Float16 conversion (where the compiler has it) and
// hand-derived edge cases, bfloat16 against the top 16 bits of the float32 pattern rounded to
// nearest even (the definition of the bfloat16 conversion in TensorFlow/PyTorch).
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include "common/errors.hpp"
#include "numeric/loss_scaler.hpp"
#include "numeric/precision.hpp"

using lv::NumberFormat;
using lv::round_to;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// bfloat16 from a float32 bit pattern: add 0x7FFF plus the lowest kept bit, drop 16 bits.
double bfloat16_reference(float value) {
  uint32_t bits = std::bit_cast<uint32_t>(value);
  bits += 0x7FFFu + ((bits >> 16) & 1u);
  return static_cast<double>(std::bit_cast<float>(bits & 0xFFFF0000u));
}

}  // namespace

TEST_CASE("float64 is the identity, NaN and infinities pass through every format") {
  CHECK(round_to(NumberFormat::Float64, 0.1) == 0.1);
  for (NumberFormat format : lv::number_formats()) {
    CHECK(std::isnan(round_to(format, std::nan(""))));
    CHECK(round_to(format, inf) == inf);
    CHECK(round_to(format, -inf) == -inf);
    CHECK(std::signbit(round_to(format, -0.0)));
  }
}

TEST_CASE("float32 equals static_cast<float> on random and edge values") {
  std::mt19937_64 generator(7);
  std::uniform_real_distribution<double> mantissa(-2.0, 2.0);
  std::uniform_int_distribution<int> exponent(-160, 140);
  for (int i = 0; i < 200000; ++i) {
    const double x = std::ldexp(mantissa(generator), exponent(generator));
    const double expected = static_cast<double>(static_cast<float>(x));
    REQUIRE(round_to(NumberFormat::Float32, x) == expected);
  }
  const double min_subnormal = std::ldexp(1.0, -149);
  CHECK(round_to(NumberFormat::Float32, min_subnormal) == min_subnormal);
  CHECK(round_to(NumberFormat::Float32, min_subnormal / 2) == 0.0);  // tie to even (0)
  CHECK(round_to(NumberFormat::Float32, min_subnormal * 1.5) == 2 * min_subnormal);  // tie to 2
  CHECK(round_to(NumberFormat::Float32, 1e39) == inf);
  CHECK(lv::largest_finite(NumberFormat::Float32) == std::numeric_limits<float>::max());
}

TEST_CASE("float16: max finite 65504, overflow, subnormals, ties to even") {
  const NumberFormat f16 = NumberFormat::Float16;
  CHECK(lv::largest_finite(f16) == 65504.0);
  CHECK(round_to(f16, 65504.0) == 65504.0);
  CHECK(round_to(f16, 65519.99) == 65504.0);  // below max + half an ulp (65520)
  CHECK(round_to(f16, 65520.0) == inf);       // the tie rounds to even: 2^16, i.e. overflow
  CHECK(round_to(f16, -1e6) == -inf);
  // Spacing 2^-10 in [1, 2): 1 + 2^-11 is a tie between 1 (even) and 1 + 2^-10.
  CHECK(round_to(f16, 1.0 + std::ldexp(1.0, -11)) == 1.0);
  CHECK(round_to(f16, 1.0 + 3 * std::ldexp(1.0, -11)) == 1.0 + std::ldexp(1.0, -9));
  CHECK(round_to(f16, 2049.0) == 2048.0);  // spacing 2 above 2048: tie to even
  CHECK(round_to(f16, 2051.0) == 2052.0);
  const double min_normal = std::ldexp(1.0, -14);
  const double min_subnormal = std::ldexp(1.0, -24);
  CHECK(round_to(f16, min_normal) == min_normal);
  CHECK(round_to(f16, 3.3 * min_subnormal) == 3 * min_subnormal);
  CHECK(round_to(f16, 0.5 * min_subnormal) == 0.0);
  CHECK(round_to(f16, 0.51 * min_subnormal) == min_subnormal);
  CHECK(round_to(f16, 0.1) == 0.0999755859375);  // the float16 nearest to 0.1
  CHECK(lv::spacing_at(f16, 1.0) == std::ldexp(1.0, -10));
  CHECK(lv::spacing_at(f16, 0.0) == min_subnormal);
}

#ifdef __FLT16_MAX__
TEST_CASE("float16 equals the compiler's _Float16 conversion on random values") {
  std::mt19937_64 generator(11);
  std::uniform_real_distribution<double> mantissa(-2.0, 2.0);
  std::uniform_int_distribution<int> exponent(-28, 18);
  for (int i = 0; i < 200000; ++i) {
    const double x = std::ldexp(mantissa(generator), exponent(generator));
    const double expected = static_cast<double>(static_cast<_Float16>(x));
    REQUIRE(round_to(NumberFormat::Float16, x) == expected);
  }
}
#endif

TEST_CASE("bfloat16 is the top 16 bits of float32, rounded to nearest even") {
  std::mt19937_64 generator(3);
  std::uniform_int_distribution<uint32_t> bits;
  for (int i = 0; i < 200000; ++i) {
    const float value = std::bit_cast<float>(bits(generator));
    if (!std::isfinite(value)) continue;
    REQUIRE(round_to(NumberFormat::BFloat16, value) == bfloat16_reference(value));
  }
  CHECK(round_to(NumberFormat::BFloat16, 1.0 + std::ldexp(1.0, -8)) == 1.0);  // tie to even
  CHECK(round_to(NumberFormat::BFloat16, 1.0 + 3 * std::ldexp(1.0, -8)) ==
        1.0 + std::ldexp(1.0, -6));
  CHECK(lv::largest_finite(NumberFormat::BFloat16) == 0x1.FEp127);
  CHECK(round_to(NumberFormat::BFloat16, 0x1.FFp127) == inf);
}

TEST_CASE("format names parse back; an unknown name is an input error with a suggestion") {
  for (NumberFormat format : lv::number_formats())
    CHECK(lv::parse_number_format(lv::number_format_name(format)) == format);
  CHECK_THROWS_WITH_AS(lv::parse_number_format("float17"), doctest::Contains("float16"),
                       lv::InputError);
}

TEST_CASE("loss scaler: GradScaler's backoff on overflow and growth after the interval") {
  lv::LossScalingSettings settings;
  settings.growth_interval = 3;
  lv::LossScaler scaler(NumberFormat::Float16, settings);
  CHECK(scaler.scale() == 65536.0);
  lv::Vec gradient{{1.0, 0.0}};  // 65536 > 65504: inf in float16
  CHECK_FALSE(scaler.scale_and_unscale(gradient));
  CHECK(scaler.scale() == 32768.0);
  CHECK(gradient == lv::Vec{{1.0, 0.0}});
  // A gradient below float16's smallest subnormal survives thanks to the scale.
  lv::Vec tiny{{1e-8, 0.5}};
  CHECK(scaler.scale_and_unscale(tiny));
  CHECK(tiny[0] == doctest::Approx(1e-8).epsilon(1e-3));
  CHECK(round_to(NumberFormat::Float16, 1e-8) == 0.0);
  CHECK(scaler.scale_and_unscale(tiny));
  CHECK(scaler.scale_and_unscale(tiny));
  CHECK(scaler.scale() == 65536.0);  // three good steps: doubled
}
