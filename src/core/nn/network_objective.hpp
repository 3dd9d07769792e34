// Neural networks as lv::Objective: the mean loss of an Mlp over a data set as a function of the
// flat parameter vector, so every optimizer and curvature tool (Lanczos, Hutchinson, SLQ) works
// on it. NetworkObjective (the whole set: curvature, sharpness) uses every core over the samples.
// MiniBatchObjective is the view a training step sees: one mini-batch (with its dropout masks and
// the weight-decay term), changed by the trainer between steps.
#pragma once

#include "nn/dataset.hpp"
#include "nn/mlp.hpp"
#include "objective/objective.hpp"

namespace lv {

// Networks with at most this many parameters offer a dense Hessian (assembled from HVP columns).
constexpr int k_dense_hessian_parameter_limit = 512;

// Throws InputError when the data does not fit the model: wrong number of features, class
// indices outside the output size (cross_entropy, and mse on a classification set, which reads
// them as one-hot targets), or an output count other than the target rows for mse regression.
void check_model_fits_data(const Mlp& mlp, const Dataset& data);

class NetworkObjective : public Objective {
 public:
  // Keeps references: `mlp` and `data` must outlive the objective. Checks they fit.
  NetworkObjective(const Mlp& mlp, const Dataset& data);

  int dim() const override { return mlp_.parameter_count(); }
  double value(const Vec& x) const override;
  double value_gradient(const Vec& x, Vec& gradient) const override;
  Vec hvp(const Vec& x, const Vec& v) const override;
  bool has_dense_hessian() const override { return dim() <= k_dense_hessian_parameter_limit; }

  Evaluation evaluate(const Vec& x) const;

 private:
  // The samples split into column blocks, one per worker (≥ 512 samples each, at most one per
  // hardware thread): value, gradient and HVP run on the blocks concurrently and add up the
  // block means weighted by block size, in a fixed order (deterministic results).
  struct SampleBlock {
    Eigen::Index first = 0, count = 0;
    Mat targets;
  };
  template <typename Result, typename Work>
  Result sum_over_blocks(Work work) const;

  const Mlp& mlp_;
  const Dataset& data_;
  std::vector<SampleBlock> blocks_;
};

class MiniBatchObjective : public Objective {
 public:
  // weight_decay adds (λ/2)‖w‖² to the loss, i.e. λw to the gradient (L2 regularization).
  MiniBatchObjective(const Mlp& mlp, const Dataset& data, double weight_decay);

  // Selects the samples the next evaluations use, and the dropout masks (empty: none).
  void select(const std::vector<int>& indices, DropoutMasks masks);

  int dim() const override { return mlp_.parameter_count(); }
  double value(const Vec& x) const override;
  double value_gradient(const Vec& x, Vec& gradient) const override;
  Vec hvp(const Vec& x, const Vec& v) const override;
  bool has_dense_hessian() const override { return dim() <= k_dense_hessian_parameter_limit; }

 private:
  const Mlp& mlp_;
  const Dataset& data_;
  double weight_decay_;
  Mat batch_inputs_;
  Mat batch_targets_;
  DropoutMasks masks_;
};

}  // namespace lv
