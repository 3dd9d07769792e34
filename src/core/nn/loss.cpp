#include "nn/loss.hpp"

#include <cmath>
#include <limits>

namespace lv {

namespace {

// Column-wise softmax, shifted by the column maximum for stability.
Mat softmax_columns(const Mat& logits) {
  Mat probabilities = logits;
  for (Eigen::Index j = 0; j < logits.cols(); ++j) {
    probabilities.col(j) = (logits.col(j).array() - logits.col(j).maxCoeff()).exp();
    probabilities.col(j) /= probabilities.col(j).sum();
  }
  return probabilities;
}

int target_class(const Mat& targets, Eigen::Index sample) {
  return static_cast<int>(targets(0, sample));
}

// mse on a classification set: one row of class indices against k > 1 outputs means one-hot
// targets (as Cohen et al. 2021 train with the square loss); otherwise the targets as given.
bool one_hot(const Mat& outputs, const Mat& targets) {
  return targets.rows() == 1 && outputs.rows() > 1;
}

Mat mse_residual(const Mat& outputs, const Mat& targets) {
  if (!one_hot(outputs, targets)) return outputs - targets;
  Mat residual = outputs;
  for (Eigen::Index j = 0; j < outputs.cols(); ++j) residual(target_class(targets, j), j) -= 1.0;
  return residual;
}

}  // namespace

double loss_value(LossType loss, const Mat& outputs, const Mat& targets) {
  const double samples = static_cast<double>(outputs.cols());
  if (loss == LossType::Mse)
    return mse_residual(outputs, targets).squaredNorm() / static_cast<double>(outputs.size());
  double total = 0.0;
  for (Eigen::Index j = 0; j < outputs.cols(); ++j) {
    const double shift = outputs.col(j).maxCoeff();
    const double log_sum_exp = shift + std::log((outputs.col(j).array() - shift).exp().sum());
    total += log_sum_exp - outputs(target_class(targets, j), j);
  }
  return total / samples;
}

Mat loss_output_gradient(LossType loss, const Mat& outputs, const Mat& targets) {
  if (loss == LossType::Mse)
    return 2.0 / static_cast<double>(outputs.size()) * mse_residual(outputs, targets);
  // ∂/∂z of mean −log softmax(z)[t] is (softmax(z) − onehot(t)) / n.
  Mat gradient = softmax_columns(outputs);
  for (Eigen::Index j = 0; j < outputs.cols(); ++j) gradient(target_class(targets, j), j) -= 1.0;
  return gradient / static_cast<double>(outputs.cols());
}

Mat loss_output_hessian_product(LossType loss, const Mat& outputs, const Mat& output_direction) {
  if (loss == LossType::Mse) return 2.0 / static_cast<double>(outputs.size()) * output_direction;
  // The softmax Jacobian is diag(p) − p pᵀ, so R{p} = p ⊙ (R{z} − pᵀR{z}) per sample.
  const Mat probabilities = softmax_columns(outputs);
  Mat product(outputs.rows(), outputs.cols());
  for (Eigen::Index j = 0; j < outputs.cols(); ++j) {
    const double mean_direction = probabilities.col(j).dot(output_direction.col(j));
    product.col(j) =
        probabilities.col(j).array() * (output_direction.col(j).array() - mean_direction);
  }
  return product / static_cast<double>(outputs.cols());
}

double accuracy(LossType loss, const Mat& outputs, const Mat& targets) {
  if (loss == LossType::Mse && !one_hot(outputs, targets))
    return std::numeric_limits<double>::quiet_NaN();
  int correct = 0;
  for (Eigen::Index j = 0; j < outputs.cols(); ++j) {
    Eigen::Index predicted = 0;
    outputs.col(j).maxCoeff(&predicted);
    if (predicted == target_class(targets, j)) ++correct;
  }
  return static_cast<double>(correct) / static_cast<double>(outputs.cols());
}

}  // namespace lv
