#include "nn/tanh_kernel.hpp"

#include <Eigen/Core>
#include <cmath>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define LOSSVIZ_HAS_AVX2_KERNEL 1
#endif

namespace lv {

// tanh z = 1 − 2/(e^{2z} + 1) lets Eigen vectorize exp, but that form loses relative accuracy as
// z → 0, so |z| < 1/16 uses the Taylor series to z¹¹ (truncation < 1e-16 relative there).
void tanh_array_portable(double* values, std::ptrdiff_t count) {
  Eigen::Map<Eigen::ArrayXd> a(values, count);
  // One fused coefficient-wise pass (no temporaries): the work is memory-bound otherwise.
  const auto square = a.square();
  const auto series =
      a *
      (1.0 + square * (-1.0 / 3 +
                       square * (2.0 / 15 +
                                 square * (-17.0 / 315 +
                                           square * (62.0 / 2835 + square * (-1382.0 / 155925))))));
  const auto general = 1.0 - 2.0 / ((2.0 * a).exp() + 1.0);
  a = (a.abs() < 0.0625).select(series, general);
}

#ifdef LOSSVIZ_HAS_AVX2_KERNEL

bool avx2_fma_available() {
  static const bool available = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return available;
}

namespace {

#define LOSSVIZ_AVX2 __attribute__((target("avx2,fma")))

// e^y − 1 for 0 ≤ y ≤ 40, four at a time. Cody–Waite reduction y = n·ln2 + r with |r| ≤ ln2/2,
// e^r − 1 = r + r²/2! + … + r¹³/13! (the next term is below 2e-17 relative), then
// e^y − 1 = 2ⁿ·(e^r − 1) + (2ⁿ − 1): both terms are ≥ 0 for n ≥ 0 and exact at n = 0, so there is
// no cancellation and small y keep full relative accuracy.
LOSSVIZ_AVX2 __m256d expm1_nonnegative(__m256d y) {
  const __m256d ln2_hi = _mm256_set1_pd(0.693145751953125);  // ln 2 in 16 bits (n·hi exact)
  const __m256d ln2_lo = _mm256_set1_pd(1.42860682030941723212e-6);
  const __m256d n = _mm256_round_pd(_mm256_mul_pd(y, _mm256_set1_pd(1.4426950408889634)),
                                    _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m256d r = _mm256_fnmadd_pd(n, ln2_hi, y);
  r = _mm256_fnmadd_pd(n, ln2_lo, r);
  // Horner from 1/13! down to 1/2!, then r·(1 + r·(...)).
  static constexpr double k_inverse_factorials[] = {
      1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0,
      1.0 / 362880.0,     1.0 / 40320.0,     1.0 / 5040.0,     1.0 / 720.0,
      1.0 / 120.0,        1.0 / 24.0,        1.0 / 6.0,        1.0 / 2.0};
  __m256d p = _mm256_set1_pd(k_inverse_factorials[0]);
  for (int k = 1; k < 12; ++k) p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(k_inverse_factorials[k]));
  p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0));
  const __m256d expm1_r = _mm256_mul_pd(p, r);
  // 2ⁿ from the exponent bits (0 ≤ n ≤ 58 here).
  const __m128i n32 = _mm256_cvtpd_epi32(n);
  const __m256i biased = _mm256_add_epi64(_mm256_cvtepi32_epi64(n32), _mm256_set1_epi64x(1023));
  const __m256d two_n = _mm256_castsi256_pd(_mm256_slli_epi64(biased, 52));
  return _mm256_fmadd_pd(two_n, expm1_r, _mm256_sub_pd(two_n, _mm256_set1_pd(1.0)));
}

// tanh|z| = (e^{2|z|} − 1)/(e^{2|z|} + 1), with |z| clamped to 20 where tanh is 1 in double
// precision; the sign comes back from z, and NaN lanes pass through.
LOSSVIZ_AVX2 __m256d tanh4(__m256d z) {
  const __m256d sign_bit = _mm256_set1_pd(-0.0);
  const __m256d magnitude = _mm256_min_pd(_mm256_andnot_pd(sign_bit, z), _mm256_set1_pd(20.0));
  const __m256d expm1 = expm1_nonnegative(_mm256_add_pd(magnitude, magnitude));
  const __m256d tanh_magnitude = _mm256_div_pd(expm1, _mm256_add_pd(expm1, _mm256_set1_pd(2.0)));
  const __m256d signed_tanh = _mm256_or_pd(tanh_magnitude, _mm256_and_pd(sign_bit, z));
  return _mm256_blendv_pd(signed_tanh, z, _mm256_cmp_pd(z, z, _CMP_UNORD_Q));
}

}  // namespace

LOSSVIZ_AVX2 void tanh_array_avx2(double* values, std::ptrdiff_t count) {
  std::ptrdiff_t i = 0;
  for (; i + 4 <= count; i += 4) _mm256_storeu_pd(values + i, tanh4(_mm256_loadu_pd(values + i)));
  for (; i < count; ++i) values[i] = std::tanh(values[i]);
}

#else

bool avx2_fma_available() {
  return false;
}
void tanh_array_avx2(double* values, std::ptrdiff_t count) {
  tanh_array_portable(values, count);
}

#endif

void tanh_array(double* values, std::ptrdiff_t count) {
  if (avx2_fma_available()) {
    tanh_array_avx2(values, count);
  } else {
    tanh_array_portable(values, count);
  }
}

}  // namespace lv
