// Both tanh kernels against the C library's std::tanh (correctly rounded to within an ulp in
// glibc), measured in units in the last place of the reference.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "nn/tanh_kernel.hpp"

namespace {

std::vector<double> test_points() {
  std::vector<double> points = {0.0,    -0.0,   1e-300, -1e-300, 5e-324, 1e-8,   -1e-8, 0.0624,
                                0.0625, 0.0626, 0.3465, 0.3466,  0.5,    -0.5,   1.0,   19.0,
                                19.5,   20.0,   20.5,   -20.5,   700.0,  -800.0, 1e300, -1e300};
  for (double z = -25.0; z <= 25.0; z += 0.0137) points.push_back(z);
  std::mt19937_64 generator(7);
  std::normal_distribution<double> normal(0.0, 1.0);
  for (int i = 0; i < 20000; ++i) {
    const double scale = std::pow(10.0, (i % 12) - 9);  // 1e-9 .. 1e2
    points.push_back(scale * normal(generator));
  }
  points.push_back(2.0);  // an odd count exercises the scalar tail of the vector loop
  return points;
}

// |value − reference| in ulps of the reference.
double ulps(double value, double reference) {
  if (value == reference) return 0.0;
  const double magnitude = std::abs(reference);
  const double ulp = std::nextafter(magnitude, std::numeric_limits<double>::infinity()) - magnitude;
  return std::abs(value - reference) / ulp;
}

void check_kernel(void (*kernel)(double*, std::ptrdiff_t), double allowed_ulps) {
  const std::vector<double> points = test_points();
  std::vector<double> values = points;
  kernel(values.data(), static_cast<std::ptrdiff_t>(values.size()));
  double worst = 0.0;
  for (size_t i = 0; i < points.size(); ++i) {
    const double reference = std::tanh(points[i]);
    CAPTURE(points[i]);
    CHECK(std::signbit(values[i]) == std::signbit(reference));
    worst = std::max(worst, ulps(values[i], reference));
  }
  MESSAGE("worst error " << worst << " ulps");
  CHECK(worst <= allowed_ulps);

  // Infinities saturate; NaN stays NaN.
  std::vector<double> special = {std::numeric_limits<double>::infinity(),
                                 -std::numeric_limits<double>::infinity(),
                                 std::numeric_limits<double>::quiet_NaN(), 0.5, 0.25};
  kernel(special.data(), static_cast<std::ptrdiff_t>(special.size()));
  CHECK(special[0] == 1.0);
  CHECK(special[1] == -1.0);
  CHECK(std::isnan(special[2]));
}

}  // namespace

TEST_CASE("the portable tanh kernel is within a few ulps of std::tanh") {
  // Its 1 − 2/(e^{2z}+1) branch rounds twice near |z| = 1/16; 16 ulps bounds the 15 measured here.
  check_kernel(lv::tanh_array_portable, 16.0);
}

TEST_CASE("the AVX2 tanh kernel is within a few ulps of std::tanh") {
  if (!lv::avx2_fma_available()) {
    MESSAGE("this CPU has no AVX2+FMA; the dispatcher uses the portable kernel");
    return;
  }
  check_kernel(lv::tanh_array_avx2, 4.0);
}
