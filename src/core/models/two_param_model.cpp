#include "models/two_param_model.hpp"

#include <cmath>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv {

namespace {

const ModelColumns k_regression{{"x"}, "y", false};
const ModelColumns k_classification{{"x1", "x2"}, "label", true};

double sigmoid(double z) {
  return z >= 0.0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}
// log(1 + e^z) without overflow.
double softplus(double z) {
  return std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z)));
}

// A number for a formula: negative ones in parentheses, so "2*(-0.5)" parses as meant.
std::string number(double value) {
  const std::string text = format_exact(value);
  return value < 0.0 ? "(" + text + ")" : text;
}

}  // namespace

const std::vector<TwoParamModelInfo>& two_param_models() {
  static const std::vector<TwoParamModelInfo> models = {
      {"linear_regression",
       "Linear regression",
       "y = w·x + b fitted to (x, y) samples by mean squared error; x0 = w, x1 = b",
       "mean((w·x + b − y)²)",
       TwoParamKind::LinearRegression,
       k_regression,
       "linear:n=200,noise=0.5,seed=1",
       {"w", "b"},
       {-1.0, 5.0, -4.0, 2.0},
       {-0.5, 1.5}},
      {"logistic_regression",
       "Logistic regression (no bias)",
       "P(label 1) = sigmoid(w1·x1 + w2·x2), mean binary cross-entropy; x0 = w1, x1 = w2",
       "mean(log(1 + e^z) − label·z), z = w1·x1 + w2·x2",
       TwoParamKind::LogisticRegression,
       k_classification,
       "blobs:n=200,seed=1",
       {"w1", "w2"},
       {-4.0, 6.0, -5.0, 5.0},
       {-3.0, 4.0}},
      {"neuron",
       "One tanh neuron",
       "y = tanh(w·x + b) fitted to (x, y) samples by mean squared error; x0 = w, x1 = b",
       "mean((tanh(w·x + b) − y)²)",
       TwoParamKind::Neuron,
       k_regression,
       "tanh:n=200,noise=0.1,seed=1",
       {"w", "b"},
       {-3.0, 4.0, -3.0, 3.0},
       {-2.0, -2.0}},
  };
  return models;
}

const TwoParamModelInfo* find_two_param_model(std::string_view name) {
  for (const TwoParamModelInfo& info : two_param_models()) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

TwoParamModel::TwoParamModel(const TwoParamModelInfo& info, ModelData data)
    : info_(&info), data_(std::move(data)) {
  if (data_.size() == 0) throw InputError(info.name + ": the data has no samples");
  if (data_.inputs.cols() != static_cast<Eigen::Index>(info.columns.inputs.size()))
    throw InputError(info.name + ": the data has the wrong number of input columns");
}

double TwoParamModel::add_sample(const Vec& x, int i, Vec& gradient, Mat* hessian) const {
  const double target = data_.targets[i];
  // Every model's loss depends on x through one scalar u = aᵀx: ℓ = φ(u), ∇ℓ = φ'(u)·a,
  // ∇²ℓ = φ''(u)·a·aᵀ.
  Eigen::Vector2d a;
  if (info_->kind == TwoParamKind::LogisticRegression) {
    a << data_.inputs(i, 0), data_.inputs(i, 1);
  } else {
    a << data_.inputs(i, 0), 1.0;
  }
  const double u = a[0] * x[0] + a[1] * x[1];
  double loss = 0.0, first = 0.0, second = 0.0;
  switch (info_->kind) {
    case TwoParamKind::LinearRegression: {  // φ(u) = (u − y)²
      const double residual = u - target;
      loss = residual * residual;
      first = 2.0 * residual;
      second = 2.0;
      break;
    }
    case TwoParamKind::LogisticRegression: {  // binary cross-entropy of sigmoid(u): log(1+e^u) −
                                              // y·u
      const double p = sigmoid(u);
      loss = softplus(u) - target * u;
      first = p - target;
      second = p * (1.0 - p);
      break;
    }
    case TwoParamKind::Neuron: {  // φ(u) = (tanh u − y)²
      const double t = std::tanh(u);
      const double residual = t - target;
      const double slope = 1.0 - t * t;  // tanh' = 1 − tanh²
      loss = residual * residual;
      first = 2.0 * residual * slope;
      second = 2.0 * slope * (slope - 2.0 * residual * t);  // d/du of 2·r·(1 − t²)
      break;
    }
  }
  gradient[0] += first * a[0];
  gradient[1] += first * a[1];
  if (hessian) *hessian += second * (a * a.transpose());
  return loss;
}

double TwoParamModel::batch_value_gradient(const Vec& x, std::span<const int> indices,
                                           Vec& gradient) const {
  if (gradient.size() != 2) gradient.resize(2);
  gradient.setZero();
  double loss = 0.0;
  for (const int i : indices) loss += add_sample(x, i, gradient, nullptr);
  const double scale = 1.0 / static_cast<double>(indices.size());
  gradient *= scale;
  return loss * scale;
}

double TwoParamModel::value_gradient(const Vec& x, Vec& gradient) const {
  if (gradient.size() != 2) gradient.resize(2);
  gradient.setZero();
  double loss = 0.0;
  for (int i = 0; i < data_.size(); ++i) loss += add_sample(x, i, gradient, nullptr);
  gradient /= data_.size();
  return loss / data_.size();
}

double TwoParamModel::value(const Vec& x) const {
  Vec unused = Vec::Zero(2);
  double loss = 0.0;
  for (int i = 0; i < data_.size(); ++i) loss += add_sample(x, i, unused, nullptr);
  return loss / data_.size();
}

Mat TwoParamModel::hessian(const Vec& x) const {
  Vec unused = Vec::Zero(2);
  Mat h = Mat::Zero(2, 2);
  for (int i = 0; i < data_.size(); ++i) add_sample(x, i, unused, &h);
  return h / data_.size();
}

double TwoParamModel::predict(const Vec& x, double input1, double input2) const {
  switch (info_->kind) {
    case TwoParamKind::LinearRegression:
      return x[0] * input1 + x[1];
    case TwoParamKind::LogisticRegression:
      return sigmoid(x[0] * input1 + x[1] * input2);
    case TwoParamKind::Neuron:
      return std::tanh(x[0] * input1 + x[1]);
  }
  return 0.0;
}

std::string TwoParamModel::loss_formula() const {
  const double n = data_.size();
  if (info_->kind == TwoParamKind::LinearRegression) {
    // mean((w·x + b − y)²) = w²·var(x) − 2w·cov(x, y) + var(y) + (w·mean(x) + b − mean(y))²
    // (population moments): exact, and well conditioned near the minimum.
    const Vec inputs = data_.inputs.col(0);
    const double mean_x = inputs.mean(), mean_y = data_.targets.mean();
    const Vec dx = inputs.array() - mean_x, dy = data_.targets.array() - mean_y;
    return number(dx.squaredNorm() / n) + "*x^2 - 2*" + number(dx.dot(dy) / n) + "*x + " +
           number(dy.squaredNorm() / n) + " + (" + number(mean_x) + "*x + y - " + number(mean_y) +
           ")^2";
  }
  std::string sum;
  for (int i = 0; i < data_.size(); ++i) {
    if (i > 0) sum += " + ";
    if (info_->kind == TwoParamKind::LogisticRegression) {
      sum +=
          "softplus(" + number(data_.inputs(i, 0)) + "*x + " + number(data_.inputs(i, 1)) + "*y)";
    } else {
      sum +=
          "(tanh(" + number(data_.inputs(i, 0)) + "*x + y) - " + number(data_.targets[i]) + ")^2";
    }
  }
  std::string formula = "(" + sum + ")/" + format_exact(n);
  if (info_->kind == TwoParamKind::LogisticRegression) {
    // The label·z terms of the cross-entropy add up to one linear term.
    const Vec labelled = data_.inputs.transpose() * data_.targets / n;
    formula += " - (" + number(labelled[0]) + "*x + " + number(labelled[1]) + "*y)";
  }
  return formula;
}

}  // namespace lv
