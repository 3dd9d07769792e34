#include "nn/network_objective.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <string>
#include <thread>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv {

void check_model_fits_data(const Mlp& mlp, const Dataset& data) {
  const ModelSpec& spec = mlp.spec();
  if (data.size() == 0) throw InputError("data '" + data.label + "' has no samples");
  if (data.features() != spec.input_size()) {
    throw InputError(
        "data '" + data.label + "' has " + std::to_string(data.features()) +
        " features but the model's first layer has in=" + std::to_string(spec.input_size()));
  }
  const bool one_hot_mse = spec.loss == LossType::Mse && data.is_classification() &&
                           data.targets.rows() == 1 && spec.output_size() > 1;
  if (spec.loss == LossType::Mse && !one_hot_mse) {
    if (spec.output_size() != data.targets.rows()) {
      throw InputError("mse loss needs the model's last linear layer to have out=" +
                       std::to_string(data.targets.rows()) + " (one per target), got " +
                       std::to_string(spec.output_size()));
    }
    return;
  }
  const char* loss_name = one_hot_mse ? "mse on one-hot targets" : "cross_entropy";
  for (Eigen::Index s = 0; s < data.targets.cols(); ++s) {
    const double target = data.targets(0, s);
    if (target < 0.0 || target != std::floor(target) || target >= spec.output_size()) {
      throw InputError("data '" + data.label + "': sample " + std::to_string(s + 1) +
                       " has target " + format_exact(target) + ", not a class index in [0, " +
                       std::to_string(spec.output_size()) + ") for " + loss_name);
    }
  }
}

NetworkObjective::NetworkObjective(const Mlp& mlp, const Dataset& data) : mlp_(mlp), data_(data) {
  check_model_fits_data(mlp, data);
  const Eigen::Index samples = data.inputs.cols();
  const Eigen::Index hardware = std::max(1u, std::thread::hardware_concurrency());
  const Eigen::Index workers = std::clamp<Eigen::Index>(samples / 512, 1, hardware);
  if (workers < 2) return;
  for (Eigen::Index w = 0; w < workers; ++w) {
    const Eigen::Index first = samples * w / workers, last = samples * (w + 1) / workers;
    blocks_.push_back({first, last - first, data.targets.middleCols(first, last - first)});
  }
}

// Σ_b (n_b / n)·work(inputs_b, targets_b): the whole set's mean from the blocks' means (for mse
// too: each block's mean is over its outputs × samples).
template <typename Result, typename Work>
Result NetworkObjective::sum_over_blocks(Work work) const {
  std::vector<std::future<Result>> parts;
  for (size_t b = 1; b < blocks_.size(); ++b) {
    parts.push_back(std::async(std::launch::async, [&, b] {
      const SampleBlock& block = blocks_[b];
      return work(MatRef(data_.inputs.middleCols(block.first, block.count)), block.targets);
    }));
  }
  const SampleBlock& head = blocks_.front();
  const double samples = static_cast<double>(data_.inputs.cols());
  Result total = work(MatRef(data_.inputs.middleCols(head.first, head.count)), head.targets);
  total *= static_cast<double>(head.count) / samples;
  for (size_t b = 1; b < blocks_.size(); ++b) {
    Result part = parts[b - 1].get();
    part *= static_cast<double>(blocks_[b].count) / samples;
    total += part;
  }
  return total;
}

double NetworkObjective::value(const Vec& x) const {
  if (blocks_.empty()) return mlp_.loss(x, data_.inputs, data_.targets);
  return sum_over_blocks<double>(
      [&](const MatRef& inputs, const Mat& targets) { return mlp_.loss(x, inputs, targets); });
}

double NetworkObjective::value_gradient(const Vec& x, Vec& gradient) const {
  if (blocks_.empty()) return mlp_.loss_gradient(x, data_.inputs, data_.targets, gradient);
  // The loss rides along as one more entry of the gradient vector.
  const Vec both = sum_over_blocks<Vec>([&](const MatRef& inputs, const Mat& targets) {
    Vec part(mlp_.parameter_count() + 1);
    Vec block_gradient;
    part[part.size() - 1] = mlp_.loss_gradient(x, inputs, targets, block_gradient);
    part.head(block_gradient.size()) = block_gradient;
    return part;
  });
  gradient = both.head(both.size() - 1);
  return both[both.size() - 1];
}

Vec NetworkObjective::hvp(const Vec& x, const Vec& v) const {
  if (blocks_.empty()) return mlp_.hvp(x, data_.inputs, data_.targets, v);
  return sum_over_blocks<Vec>(
      [&](const MatRef& inputs, const Mat& targets) { return mlp_.hvp(x, inputs, targets, v); });
}

Evaluation NetworkObjective::evaluate(const Vec& x) const {
  return mlp_.evaluate(x, data_.inputs, data_.targets);
}

MiniBatchObjective::MiniBatchObjective(const Mlp& mlp, const Dataset& data, double weight_decay)
    : mlp_(mlp), data_(data), weight_decay_(weight_decay) {
  check_model_fits_data(mlp, data);
  batch_inputs_ = data.inputs;
  batch_targets_ = data.targets;
}

void MiniBatchObjective::select(const std::vector<int>& indices, DropoutMasks masks) {
  const Dataset batch = data_.subset(indices);
  batch_inputs_ = batch.inputs;
  batch_targets_ = batch.targets;
  masks_ = std::move(masks);
}

double MiniBatchObjective::value(const Vec& x) const {
  Vec unused;
  return value_gradient(x, unused);
}

double MiniBatchObjective::value_gradient(const Vec& x, Vec& gradient) const {
  const double loss = mlp_.loss_gradient(x, batch_inputs_, batch_targets_, gradient, &masks_);
  if (weight_decay_ == 0.0) return loss;
  gradient += weight_decay_ * x;
  return loss + 0.5 * weight_decay_ * x.squaredNorm();
}

Vec MiniBatchObjective::hvp(const Vec& x, const Vec& v) const {
  // Dropout masks make the loss piecewise in the masks, not in x; the HVP is of the unmasked
  // batch loss plus the weight-decay term.
  return mlp_.hvp(x, batch_inputs_, batch_targets_, v) + weight_decay_ * v;
}

}  // namespace lv
