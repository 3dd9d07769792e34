// The two losses of the model spec, as torch.nn.functional computes them with reduction='mean':
// cross_entropy averages −log softmax(z)[target] over samples; mse_loss averages (z − y)² over all
// elements (samples × outputs). Outputs and targets hold one sample per column.
#pragma once

#include "common/types.hpp"
#include "nn/model_spec.hpp"

namespace lv {

// targets: for CrossEntropy one row of class indices; for Mse the same shape as outputs, or one
// row of class indices against k > 1 outputs, read as one-hot targets (torch's mse_loss on
// one_hot(y, k): the mean over samples × outputs).
double loss_value(LossType loss, const Mat& outputs, const Mat& targets);
// ∂loss/∂outputs.
Mat loss_output_gradient(LossType loss, const Mat& outputs, const Mat& targets);
// R{∂loss/∂outputs} = (∂²loss/∂outputs²)·R{outputs} (Pearlmutter 1994, R-operator).
Mat loss_output_hessian_product(LossType loss, const Mat& outputs, const Mat& output_direction);
// Fraction of samples whose arg-max output is the target class (CrossEntropy, and Mse on one-hot
// targets); NaN for Mse regression.
double accuracy(LossType loss, const Mat& outputs, const Mat& targets);

}  // namespace lv
