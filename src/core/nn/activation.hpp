// Elementwise activations with their first and second derivatives (the second is needed by the
// R-operator for exact Hessian-vector products). Definitions follow torch.nn: GELU in its exact
// erf form (approximate='none'), Softplus with beta=1, threshold=20.
#pragma once

#include "common/types.hpp"
#include "nn/model_spec.hpp"

namespace lv {

// σ(z) elementwise. `type` must not be Linear.
Mat activate(LayerType type, const Mat& pre_activation);
// values ← σ(values) without allocating.
void activate_in_place(LayerType type, Mat& values);
// σ'(z) elementwise.
Mat activation_derivative(LayerType type, const Mat& pre_activation);
// σ''(z) elementwise.
Mat activation_second_derivative(LayerType type, const Mat& pre_activation);

}  // namespace lv
