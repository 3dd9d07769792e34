#include "nn/mlp.hpp"

#include <cmath>

#include "nn/activation.hpp"
#include "nn/loss.hpp"

namespace lv {

namespace {

bool has_mask(const DropoutMasks* masks, size_t layer) {
  return masks && layer < masks->size() && (*masks)[layer].size() > 0;
}

}  // namespace

Mlp::Mlp(ModelSpec spec) : spec_(std::move(spec)) {
  Eigen::Index offset = 0;
  for (size_t i = 0; i < spec_.layers.size(); ++i) {
    const LayerSpec& layer = spec_.layers[i];
    if (layer.type != LayerType::Linear) {
      block_of_layer_.push_back(-1);
      continue;
    }
    block_of_layer_.push_back(static_cast<int>(blocks_.size()));
    LinearBlock block{static_cast<int>(i), layer.in, layer.out, offset, 0};
    block.bias_offset = offset + static_cast<Eigen::Index>(layer.out) * layer.in;
    offset = block.bias_offset + layer.out;
    blocks_.push_back(block);
  }
  parameter_count_ = static_cast<int>(offset);
}

Eigen::Map<const RowMajorMat> Mlp::weight(const Vec& parameters, const LinearBlock& block) {
  return {parameters.data() + block.weight_offset, block.out, block.in};
}
Eigen::Map<RowMajorMat> Mlp::weight(Vec& parameters, const LinearBlock& block) {
  return {parameters.data() + block.weight_offset, block.out, block.in};
}
Eigen::Map<const Vec> Mlp::bias(const Vec& parameters, const LinearBlock& block) {
  return {parameters.data() + block.bias_offset, block.out};
}
Eigen::Map<Vec> Mlp::bias(Vec& parameters, const LinearBlock& block) {
  return {parameters.data() + block.bias_offset, block.out};
}

Vec Mlp::initial_parameters(std::mt19937_64& generator) const {
  Vec parameters(parameter_count_);
  for (const LinearBlock& block : blocks_) {
    // kaiming_uniform_(a=√5): gain = √(2/(1+a²)) = √(1/3), bound = gain·√(3/fan_in) = 1/√fan_in.
    const double bound = 1.0 / std::sqrt(static_cast<double>(block.in));
    std::uniform_real_distribution<double> uniform(-bound, bound);
    const Eigen::Index count = static_cast<Eigen::Index>(block.out) * (block.in + 1);
    for (Eigen::Index k = 0; k < count; ++k)
      parameters[block.weight_offset + k] = uniform(generator);
  }
  return parameters;
}

std::vector<Mat> Mlp::forward_values(const Vec& parameters, const MatRef& inputs,
                                     const DropoutMasks* masks) const {
  std::vector<Mat> values(spec_.layers.size() + 1);
  values[0] = inputs;
  for (size_t i = 0; i < spec_.layers.size(); ++i) {
    const int block = block_of_layer_[i];
    if (block >= 0) {
      const LinearBlock& b = blocks_[block];
      values[i + 1].noalias() = weight(parameters, b) * values[i];
      values[i + 1].colwise() += bias(parameters, b);
    } else {
      values[i + 1] = activate(spec_.layers[i].type, values[i]);
    }
    if (has_mask(masks, i)) values[i + 1].array() *= (*masks)[i].array();
  }
  return values;
}

Mat Mlp::forward(const Vec& parameters, const Mat& inputs) const {
  return forward_from(parameters, 0, inputs);
}

Mat Mlp::forward_from(const Vec& parameters, int first_layer, Mat values) const {
  Mat next;
  for (size_t i = static_cast<size_t>(first_layer); i < spec_.layers.size(); ++i) {
    const int block = block_of_layer_[i];
    if (block >= 0) {
      const LinearBlock& b = blocks_[block];
      next.noalias() = weight(parameters, b) * values;
      next.colwise() += bias(parameters, b);
      values.swap(next);
    } else {
      activate_in_place(spec_.layers[i].type, values);
    }
  }
  return values;
}

double Mlp::loss(const Vec& parameters, const MatRef& inputs, const Mat& targets) const {
  return loss_value(spec_.loss, forward_from(parameters, 0, inputs), targets);
}

Evaluation Mlp::evaluate(const Vec& parameters, const Mat& inputs, const Mat& targets) const {
  const Mat outputs = forward(parameters, inputs);
  return {loss_value(spec_.loss, outputs, targets), accuracy(spec_.loss, outputs, targets)};
}

double Mlp::loss_gradient(const Vec& parameters, const MatRef& inputs, const Mat& targets,
                          Vec& gradient, const DropoutMasks* masks) const {
  const std::vector<Mat> values = forward_values(parameters, inputs, masks);
  gradient.resize(parameter_count_);
  // Backpropagation: `adjoint` holds ∂loss/∂(output of layer i) while walking i downwards.
  Mat adjoint = loss_output_gradient(spec_.loss, values.back(), targets);
  for (size_t i = spec_.layers.size(); i-- > 0;) {
    if (has_mask(masks, i)) adjoint.array() *= (*masks)[i].array();
    const int block = block_of_layer_[i];
    if (block < 0) {
      // Without a mask the layer's output is σ(z) itself, so σ' needs no tanh or exp.
      adjoint.array() *=
          (has_mask(masks, i)
               ? activation_derivative(spec_.layers[i].type, values[i])
               : activation_derivative(spec_.layers[i].type, values[i], values[i + 1]))
              .array();
      continue;
    }
    const LinearBlock& b = blocks_[block];
    Eigen::Map<RowMajorMat>(gradient.data() + b.weight_offset, b.out, b.in).noalias() =
        adjoint * values[i].transpose();
    bias(gradient, b) = adjoint.rowwise().sum();
    if (i > 0) adjoint = weight(parameters, b).transpose() * adjoint;
  }
  return loss_value(spec_.loss, values.back(), targets);
}

Vec Mlp::hvp(const Vec& parameters, const MatRef& inputs, const Mat& targets,
             const Vec& direction) const {
  const std::vector<Mat> values = forward_values(parameters, inputs, nullptr);
  const size_t layer_count = spec_.layers.size();
  // Forward R-pass: tangents[i] = R{values[i]}, the derivative of values[i] along `direction`.
  std::vector<Mat> tangents(layer_count + 1);
  std::vector<Mat> slopes(layer_count);  // σ'(z) of each activation layer, for both passes
  tangents[0] = Mat::Zero(inputs.rows(), inputs.cols());
  for (size_t i = 0; i < layer_count; ++i) {
    const int block = block_of_layer_[i];
    if (block < 0) {
      slopes[i] = activation_derivative(spec_.layers[i].type, values[i], values[i + 1]);
      tangents[i + 1] = slopes[i].cwiseProduct(tangents[i]);
      continue;
    }
    const LinearBlock& b = blocks_[block];
    // R{W a + b} = V_W a + W R{a} + v_b.
    tangents[i + 1].noalias() = weight(direction, b) * values[i];
    tangents[i + 1].noalias() += weight(parameters, b) * tangents[i];
    tangents[i + 1].colwise() += bias(direction, b);
  }
  // Backward pass together with its R-pass.
  Mat adjoint = loss_output_gradient(spec_.loss, values.back(), targets);
  Mat adjoint_tangent = loss_output_hessian_product(spec_.loss, values.back(), tangents.back());
  Vec product(parameter_count_);
  for (size_t i = layer_count; i-- > 0;) {
    const int block = block_of_layer_[i];
    if (block < 0) {
      // adjoint_in = adjoint ⊙ σ'(z);  R{adjoint_in} = R{adjoint} ⊙ σ'(z) + adjoint ⊙ σ''(z) ⊙
      // R{z}.
      const LayerType type = spec_.layers[i].type;
      const Mat& slope = slopes[i];
      adjoint_tangent =
          adjoint_tangent.cwiseProduct(slope) +
          adjoint.cwiseProduct(activation_second_derivative(type, values[i], values[i + 1], slope))
              .cwiseProduct(tangents[i]);
      adjoint = adjoint.cwiseProduct(slope);
      continue;
    }
    const LinearBlock& b = blocks_[block];
    // ∂W = adjoint aᵀ  ⇒  R{∂W} = R{adjoint} aᵀ + adjoint R{a}ᵀ;  R{∂b} = Σ R{adjoint}.
    Eigen::Map<RowMajorMat> weight_product(product.data() + b.weight_offset, b.out, b.in);
    weight_product.noalias() = adjoint_tangent * values[i].transpose();
    weight_product.noalias() += adjoint * tangents[i].transpose();
    bias(product, b) = adjoint_tangent.rowwise().sum();
    if (i == 0) break;
    // adjoint_in = Wᵀ adjoint  ⇒  R{adjoint_in} = V_Wᵀ adjoint + Wᵀ R{adjoint}.
    Mat next_tangent = weight(direction, b).transpose() * adjoint;
    next_tangent.noalias() += weight(parameters, b).transpose() * adjoint_tangent;
    adjoint_tangent.swap(next_tangent);
    adjoint = weight(parameters, b).transpose() * adjoint;
  }
  return product;
}

}  // namespace lv
