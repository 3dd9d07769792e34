// tanh over arrays of doubles, the hot spot of evaluating tanh networks on loss-landscape grids.
// A portable version (Eigen expressions) and an AVX2+FMA version chosen at run time when the CPU
// has them, so the binary stays portable while machines that can go 3× faster do.
#pragma once

#include <cstddef>

namespace lv {

// values[i] ← tanh(values[i]) for i < count, within a few ulps of std::tanh; NaN stays NaN.
void tanh_array(double* values, std::ptrdiff_t count);

// The two versions, for tests and benchmarks; tanh_array_avx2 only where avx2_fma_available().
void tanh_array_portable(double* values, std::ptrdiff_t count);
void tanh_array_avx2(double* values, std::ptrdiff_t count);
bool avx2_fma_available();

}  // namespace lv
