// Exact two-parameter models on data (docs/two_param_models.md): linear regression y = w·x + b,
// logistic regression with two weights and no bias, and one tanh neuron y = tanh(w·x + b). The
// whole parameter space is the plane, so the picture is the model's true empirical loss, and
// mini-batch gradients are real sampling noise. Each model is a SampledObjective with exact
// per-sample gradients and Hessians, and can write its loss as a formula for the shaders.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "functions/test_function.hpp"
#include "models/model_data.hpp"
#include "objective/sampled_objective.hpp"

namespace lv {

enum class TwoParamKind { LinearRegression, LogisticRegression, Neuron };

struct TwoParamModelInfo {
  std::string name;         // used by --function and scenes: "linear_regression"
  std::string title;        // "Linear regression"
  std::string description;  // one line a student understands
  std::string loss;         // the loss as text: "mean((w·x + b − y)²)"
  TwoParamKind kind = TwoParamKind::LinearRegression;
  ModelColumns columns;                                 // what the data must hold
  std::string default_data;                             // a generator argument
  std::pair<std::string, std::string> parameter_names;  // (x0, x1): ("w", "b"), ("w1", "w2")
  ViewBox view;                                         // a box around the default data's minimum
  std::pair<double, double> start;                      // a recommended start
};

const std::vector<TwoParamModelInfo>& two_param_models();
// The model of that name, or null when `name` is not one (a plain test function).
const TwoParamModelInfo* find_two_param_model(std::string_view name);

class TwoParamModel final : public SampledObjective {
 public:
  TwoParamModel(const TwoParamModelInfo& info, ModelData data);

  const TwoParamModelInfo& info() const { return *info_; }
  const ModelData& data() const { return data_; }

  int dim() const override { return 2; }
  int sample_count() const override { return data_.size(); }
  // The full-data loss: mean over the samples (as torch's mse_loss / binary_cross_entropy).
  double value(const Vec& x) const override;
  double value_gradient(const Vec& x, Vec& gradient) const override;
  double batch_value_gradient(const Vec& x, std::span<const int> indices,
                              Vec& gradient) const override;
  // Exact: the mean of the per-sample Hessians.
  Mat hessian(const Vec& x) const override;
  Vec hvp(const Vec& x, const Vec& v) const override { return hessian(x) * v; }

  // Sample i's loss ℓᵢ(x), its gradient added to `gradient` and its Hessian added to `hessian`
  // (when not null).
  double add_sample(const Vec& x, int i, Vec& gradient, Mat* hessian) const;
  // The model's output for the input (x1, x2) (x2 unused by the one-input models): the fitted
  // line's or curve's value, or the logistic probability of label 1.
  double predict(const Vec& x, double input1, double input2 = 0.0) const;
  // The empirical loss as a formula in x (= x0) and y (= x1), exact up to rounding: linear
  // regression in closed form (centred moments), the others with one term per sample.
  std::string loss_formula() const;

 private:
  const TwoParamModelInfo* info_;
  ModelData data_;
};

}  // namespace lv
