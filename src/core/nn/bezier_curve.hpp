// Mode connectivity (Garipov et al. 2018, "Loss Surfaces, Mode Connectivity, and Fast Ensembling
// of DNNs", §3): a quadratic Bézier curve φ(t) = (1−t)²·w₁ + 2t(1−t)·θ + t²·w₂ between two
// minima, with the bend θ trained to minimize E_{t~U(0,1)} L(φ(t)) (their Eq. 4). Each update
// samples t and a mini-batch, so the optimizer sees ∇_θ L(φ(t)) = 2t(1−t)·∇L(φ(t)).
#pragma once

#include <cstdint>
#include <vector>

#include "nn/dataset.hpp"
#include "nn/mlp.hpp"
#include "objective/objective.hpp"
#include "optim/optimizer.hpp"

namespace lv {

struct BezierCurve {
  Vec start;
  Vec bend;
  Vec end;

  Vec point(double t) const;
};

// The objective one curve-training step sees: θ ↦ L_batch(φ_θ(t)) for the selected t and batch.
class BezierSampleObjective : public Objective {
 public:
  BezierSampleObjective(const Mlp& mlp, const Dataset& data, const Vec& start, const Vec& end);

  void select(double t, const std::vector<int>& indices);

  int dim() const override { return mlp_.parameter_count(); }
  double value(const Vec& bend) const override;
  double value_gradient(const Vec& bend, Vec& gradient) const override;
  Vec hvp(const Vec& bend, const Vec& v) const override;
  bool has_dense_hessian() const override { return false; }

 private:
  Vec curve_point(const Vec& bend) const;
  double bend_weight() const { return 2.0 * t_ * (1.0 - t_); }

  const Mlp& mlp_;
  const Dataset& data_;
  const Vec& start_;
  const Vec& end_;
  double t_ = 0.5;
  Mat batch_inputs_;
  Mat batch_targets_;
};

struct BezierSettings {
  int epochs = 20;     // passes over the data (default: 20)
  int batch_size = 0;  // 0 = the whole set (default: 0)
  uint64_t seed = 0;   // seeds t and the shuffling (default: 0)
};

struct BezierTraining {
  BezierCurve curve;
  bool diverged =
      false;  // a non-finite loss or gradient stopped training; curve is the last finite one
};

// The loss and accuracy on all of `data` at φ(t) for each of `t` (the curve's profile).
std::vector<Evaluation> evaluate_along(const Mlp& mlp, const Dataset& data,
                                       const BezierCurve& curve, const std::vector<double>& t);

// Trains the bend from the midpoint (the straight line) with `optimizer` (reset here).
BezierTraining train_bezier_curve(const Mlp& mlp, const Dataset& data, const Vec& start,
                                  const Vec& end, Optimizer& optimizer,
                                  const BezierSettings& settings);

}  // namespace lv
