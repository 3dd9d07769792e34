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
// σ'(z) from z and the layer's output a = σ(z): tanh and sigmoid reuse a (1 − a², a(1 − a)) and
// evaluate no transcendental function; the others fall back to activation_derivative.
Mat activation_derivative(LayerType type, const Mat& pre_activation, const Mat& output);
// σ''(z) given a = σ(z) and s = σ'(z) (tanh: −2as, sigmoid: s(1 − 2a); others from z).
Mat activation_second_derivative(LayerType type, const Mat& pre_activation, const Mat& output,
                                 const Mat& slope);

}  // namespace lv
