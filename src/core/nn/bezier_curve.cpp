#include "nn/bezier_curve.hpp"

#include <algorithm>
#include <numeric>
#include <random>

#include "common/errors.hpp"
#include "nn/network_objective.hpp"
#include "optim/oracle.hpp"

namespace lv {

Vec BezierCurve::point(double t) const {
  return (1.0 - t) * (1.0 - t) * start + 2.0 * t * (1.0 - t) * bend + t * t * end;
}

BezierSampleObjective::BezierSampleObjective(const Mlp& mlp, const Dataset& data, const Vec& start,
                                             const Vec& end)
    : mlp_(mlp),
      data_(data),
      start_(start),
      end_(end),
      batch_inputs_(data.inputs),
      batch_targets_(data.targets) {
  check_model_fits_data(mlp, data);
}

void BezierSampleObjective::select(double t, const std::vector<int>& indices) {
  t_ = t;
  const Dataset batch = data_.subset(indices);
  batch_inputs_ = batch.inputs;
  batch_targets_ = batch.targets;
}

Vec BezierSampleObjective::curve_point(const Vec& bend) const {
  return BezierCurve{start_, bend, end_}.point(t_);
}

double BezierSampleObjective::value(const Vec& bend) const {
  return mlp_.loss(curve_point(bend), batch_inputs_, batch_targets_);
}

double BezierSampleObjective::value_gradient(const Vec& bend, Vec& gradient) const {
  // Chain rule: ∂φ/∂θ = 2t(1−t)·I.
  const double loss =
      mlp_.loss_gradient(curve_point(bend), batch_inputs_, batch_targets_, gradient);
  gradient *= bend_weight();
  return loss;
}

Vec BezierSampleObjective::hvp(const Vec& bend, const Vec& v) const {
  const double weight = bend_weight();
  return weight * weight * mlp_.hvp(curve_point(bend), batch_inputs_, batch_targets_, v);
}

BezierTraining train_bezier_curve(const Mlp& mlp, const Dataset& data, const Vec& start,
                                  const Vec& end, Optimizer& optimizer,
                                  const BezierSettings& settings) {
  if (start.size() != mlp.parameter_count() || end.size() != mlp.parameter_count()) {
    throw InputError("curve end points must have the model's parameter count");
  }
  if (settings.epochs < 0 || settings.batch_size < 0)
    throw InputError("curve training: epochs and batch size must be >= 0");
  BezierTraining result{{start, 0.5 * (start + end), end}, false};
  BezierCurve& curve = result.curve;
  BezierSampleObjective objective(mlp, data, curve.start, curve.end);
  Oracle oracle(objective);
  optimizer.reset(curve.bend);
  std::mt19937_64 generator(settings.seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  std::vector<int> order(static_cast<size_t>(data.size()));
  std::iota(order.begin(), order.end(), 0);
  const int batch_size =
      settings.batch_size == 0 ? data.size() : std::min(settings.batch_size, data.size());
  const double learning_rate = optimizer.base_learning_rate();
  Vec gradient;
  for (int epoch = 0; epoch < settings.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), generator);
    for (int first = 0; first < data.size(); first += batch_size) {
      const int last = std::min(first + batch_size, data.size());
      objective.select(uniform(generator),
                       std::vector<int>(order.begin() + first, order.begin() + last));
      const double value = objective.value_gradient(curve.bend, gradient);
      if (!std::isfinite(value) || !gradient.allFinite()) {
        result.diverged = true;
        return result;
      }
      optimizer.step(StepContext{gradient, value, learning_rate, oracle}, curve.bend);
    }
  }
  return result;
}

std::vector<Evaluation> evaluate_along(const Mlp& mlp, const Dataset& data,
                                       const BezierCurve& curve, const std::vector<double>& t) {
  std::vector<Evaluation> evaluations;
  evaluations.reserve(t.size());
  for (const double position : t)
    evaluations.push_back(mlp.evaluate(curve.point(position), data.inputs, data.targets));
  return evaluations;
}

}  // namespace lv
