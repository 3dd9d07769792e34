#include "nn/activation.hpp"

#include <cmath>
#include <numbers>

#include "nn/tanh_kernel.hpp"

namespace lv {

namespace {

// torch.nn.Softplus: above beta·z > threshold (20) it returns z itself, and so does its gradient.
constexpr double k_softplus_threshold = 20.0;

double logistic(double z) {
  return 1.0 / (1.0 + std::exp(-z));
}
double standard_normal_pdf(double z) {
  return std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
}
double standard_normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

double value_of(LayerType type, double z) {
  switch (type) {
    case LayerType::Relu:
      return z > 0.0 ? z : 0.0;
    case LayerType::Tanh:
      return std::tanh(z);
    case LayerType::Sigmoid:
      return logistic(z);
    case LayerType::Gelu:
      return z * standard_normal_cdf(z);  // GELU(z) = z·Φ(z)
    case LayerType::Softplus:
      return z > k_softplus_threshold ? z : std::log1p(std::exp(z));
    case LayerType::Linear:
      break;
  }
  return z;
}

double derivative_of(LayerType type, double z) {
  switch (type) {
    case LayerType::Relu:
      return z > 0.0 ? 1.0 : 0.0;  // torch uses 0 at z = 0
    case LayerType::Tanh: {
      const double t = std::tanh(z);
      return 1.0 - t * t;
    }
    case LayerType::Sigmoid: {
      const double s = logistic(z);
      return s * (1.0 - s);
    }
    case LayerType::Gelu:
      return standard_normal_cdf(z) + z * standard_normal_pdf(z);
    case LayerType::Softplus:
      return z > k_softplus_threshold ? 1.0 : logistic(z);
    case LayerType::Linear:
      break;
  }
  return 1.0;
}

double second_derivative_of(LayerType type, double z) {
  switch (type) {
    case LayerType::Relu:
      return 0.0;
    case LayerType::Tanh: {
      const double t = std::tanh(z);
      return -2.0 * t * (1.0 - t * t);
    }
    case LayerType::Sigmoid: {
      const double s = logistic(z);
      return s * (1.0 - s) * (1.0 - 2.0 * s);
    }
    // d/dz [Φ(z) + z·φ(z)] = φ(z) + φ(z) − z²·φ(z), since φ'(z) = −z·φ(z).
    case LayerType::Gelu:
      return standard_normal_pdf(z) * (2.0 - z * z);
    case LayerType::Softplus: {
      if (z > k_softplus_threshold) return 0.0;
      const double s = logistic(z);
      return s * (1.0 - s);
    }
    case LayerType::Linear:
      break;
  }
  return 0.0;
}

}  // namespace

Mat activate(LayerType type, const Mat& pre_activation) {
  Mat values = pre_activation;
  activate_in_place(type, values);
  return values;
}

void activate_in_place(LayerType type, Mat& values) {
  if (type == LayerType::Tanh) {
    tanh_array(values.data(), values.size());
    return;
  }
  if (type == LayerType::Relu) {
    values = values.cwiseMax(0.0);
    return;
  }
  values = values.unaryExpr([type](double z) { return value_of(type, z); });
}

Mat activation_derivative(LayerType type, const Mat& pre_activation) {
  if (type == LayerType::Tanh) {
    Mat slope = pre_activation;
    tanh_array(slope.data(), slope.size());
    return (1.0 - slope.array().square()).matrix();
  }
  return pre_activation.unaryExpr([type](double z) { return derivative_of(type, z); });
}

Mat activation_second_derivative(LayerType type, const Mat& pre_activation) {
  return pre_activation.unaryExpr([type](double z) { return second_derivative_of(type, z); });
}

Mat activation_derivative(LayerType type, const Mat& pre_activation, const Mat& output) {
  if (type == LayerType::Tanh) return (1.0 - output.array().square()).matrix();
  if (type == LayerType::Sigmoid) return (output.array() * (1.0 - output.array())).matrix();
  return activation_derivative(type, pre_activation);
}

Mat activation_second_derivative(LayerType type, const Mat& pre_activation, const Mat& output,
                                 const Mat& slope) {
  if (type == LayerType::Tanh) return (-2.0 * output.array() * slope.array()).matrix();
  if (type == LayerType::Sigmoid) return (slope.array() * (1.0 - 2.0 * output.array())).matrix();
  return activation_second_derivative(type, pre_activation);
}

}  // namespace lv
