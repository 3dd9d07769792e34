// lv::Mlp: a multilayer perceptron built from a ModelSpec, with all parameters in one flat
// vector (so every optimizer and curvature tool works on it) and a layer map saying where each
// linear layer's weight [out,in] (row-major, as torch flattens it) and bias [out] live.
// Forward, backward and the exact Hessian-vector product (Pearlmutter's R-operator) are batched
// over samples: every linear layer is one matrix–matrix product. Samples are columns.
#pragma once

#include <random>
#include <vector>

#include "common/types.hpp"
#include "nn/model_spec.hpp"

namespace lv {

using RowMajorMat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Where one linear layer's parameters sit in the flat vector.
struct LinearBlock {
  int layer_index = 0;  // index in ModelSpec::layers (and in the safetensors names "i.weight")
  int in = 0;
  int out = 0;
  Eigen::Index weight_offset = 0;  // out·in entries, row-major
  Eigen::Index bias_offset = 0;    // out entries
};

// A read-only view of a matrix or of a block of whole columns of one.
using MatRef = Eigen::Ref<const Mat>;

// Per-layer multiplicative masks (inverted dropout); an empty matrix means "no mask".
using DropoutMasks = std::vector<Mat>;

struct Evaluation {
  double loss = 0.0;
  double accuracy = 0.0;  // NaN for regression (mse)
};

class Mlp {
 public:
  explicit Mlp(ModelSpec spec);

  const ModelSpec& spec() const { return spec_; }
  int parameter_count() const { return parameter_count_; }
  const std::vector<LinearBlock>& linear_blocks() const { return blocks_; }

  // Views of one layer's weight matrix and bias inside a flat parameter vector.
  static Eigen::Map<const RowMajorMat> weight(const Vec& parameters, const LinearBlock& block);
  static Eigen::Map<RowMajorMat> weight(Vec& parameters, const LinearBlock& block);
  static Eigen::Map<const Vec> bias(const Vec& parameters, const LinearBlock& block);
  static Eigen::Map<Vec> bias(Vec& parameters, const LinearBlock& block);

  // torch.nn.Linear's default initialization (reset_parameters: kaiming_uniform_ with a=√5,
  // which is U(−1/√in, 1/√in), and the bias U(−1/√in, 1/√in)), drawn from `generator`.
  Vec initial_parameters(std::mt19937_64& generator) const;

  // Network outputs [output_size × samples].
  Mat forward(const Vec& parameters, const Mat& inputs) const;
  // Runs layers first_layer.. on `values` (the input of that layer).
  Mat forward_from(const Vec& parameters, int first_layer, Mat values) const;
  // Inputs may be a column block of a larger matrix (a share of the samples), without a copy.
  double loss(const Vec& parameters, const MatRef& inputs, const Mat& targets) const;
  Evaluation evaluate(const Vec& parameters, const Mat& inputs, const Mat& targets) const;
  // Loss and its gradient by backpropagation; `masks` (may be null) applies dropout to the
  // outputs of the layers that have a non-empty mask.
  double loss_gradient(const Vec& parameters, const MatRef& inputs, const Mat& targets,
                       Vec& gradient, const DropoutMasks* masks = nullptr) const;
  // Exact H·v by forward-over-reverse differentiation: the R-operator of Pearlmutter (1994),
  // "Fast exact multiplication by the Hessian", applied to forward and backward pass (§4).
  Vec hvp(const Vec& parameters, const MatRef& inputs, const Mat& targets,
          const Vec& direction) const;

 private:
  // values[0] = inputs, values[i + 1] = output of layer i.
  std::vector<Mat> forward_values(const Vec& parameters, const MatRef& inputs,
                                  const DropoutMasks* masks) const;

  ModelSpec spec_;
  std::vector<LinearBlock> blocks_;
  std::vector<int> block_of_layer_;  // −1 for activations
  int parameter_count_ = 0;
};

}  // namespace lv
