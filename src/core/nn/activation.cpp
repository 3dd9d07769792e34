#include "nn/activation.hpp"

#include <cmath>
#include <numbers>

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

// tanh for whole matrices, about three times faster than std::tanh per element because Eigen
// vectorizes exp: tanh z = 1 − 2/(e^{2z} + 1). That form loses relative accuracy as z → 0, so
// |z| < 1/16 uses the Taylor series to z¹¹ (truncation < 1e-16 relative there); both branches
// are then within a few ulps.
void tanh_in_place(Mat& z) {
  // One fused coefficient-wise pass (no temporaries): the work is memory-bound otherwise.
  auto a = z.array();
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

}  // namespace

Mat activate(LayerType type, const Mat& pre_activation) {
  Mat values = pre_activation;
  activate_in_place(type, values);
  return values;
}

void activate_in_place(LayerType type, Mat& values) {
  if (type == LayerType::Tanh) {
    tanh_in_place(values);
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
    tanh_in_place(slope);
    return (1.0 - slope.array().square()).matrix();
  }
  return pre_activation.unaryExpr([type](double z) { return derivative_of(type, z); });
}

Mat activation_second_derivative(LayerType type, const Mat& pre_activation) {
  return pre_activation.unaryExpr([type](double z) { return second_derivative_of(type, z); });
}

}  // namespace lv
