#include "nn/network_weights.hpp"

#include <map>
#include <set>

#include "common/errors.hpp"

namespace lv {

namespace {

std::string weight_name(const LinearBlock& block) {
  return std::to_string(block.layer_index) + ".weight";
}
std::string bias_name(const LinearBlock& block) {
  return std::to_string(block.layer_index) + ".bias";
}

std::string shape_text(const std::vector<int64_t>& shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i) text += (i ? "," : "") + std::to_string(shape[i]);
  return text + "]";
}

const NamedTensor& find_tensor(const std::map<std::string, const NamedTensor*>& by_name,
                               const std::string& name, const std::vector<int64_t>& shape,
                               const std::string& source) {
  const auto found = by_name.find(name);
  if (found == by_name.end()) {
    throw InputError(source + ": missing tensor '" + name + "' with shape " + shape_text(shape));
  }
  if (found->second->shape != shape) {
    throw InputError(source + ": tensor '" + name + "' has shape " +
                     shape_text(found->second->shape) + " but the model needs " +
                     shape_text(shape));
  }
  return *found->second;
}

}  // namespace

std::vector<NamedTensor> parameters_to_tensors(const Mlp& mlp, const Vec& parameters) {
  std::vector<NamedTensor> tensors;
  for (const LinearBlock& block : mlp.linear_blocks()) {
    const double* weights = parameters.data() + block.weight_offset;
    const double* biases = parameters.data() + block.bias_offset;
    tensors.push_back(
        {weight_name(block),
         {block.out, block.in},
         std::vector<double>(weights, weights + static_cast<long>(block.out) * block.in)});
    tensors.push_back(
        {bias_name(block), {block.out}, std::vector<double>(biases, biases + block.out)});
  }
  return tensors;
}

Vec parameters_from_tensors(const Mlp& mlp, const std::vector<NamedTensor>& tensors,
                            const std::string& source) {
  std::map<std::string, const NamedTensor*> by_name;
  for (const NamedTensor& tensor : tensors) by_name[tensor.name] = &tensor;
  Vec parameters(mlp.parameter_count());
  std::set<std::string> used;
  for (const LinearBlock& block : mlp.linear_blocks()) {
    const NamedTensor& weight =
        find_tensor(by_name, weight_name(block), {block.out, block.in}, source);
    const NamedTensor& bias = find_tensor(by_name, bias_name(block), {block.out}, source);
    std::copy(weight.values.begin(), weight.values.end(), parameters.data() + block.weight_offset);
    std::copy(bias.values.begin(), bias.values.end(), parameters.data() + block.bias_offset);
    used.insert(weight.name);
    used.insert(bias.name);
  }
  for (const NamedTensor& tensor : tensors) {
    if (!used.count(tensor.name)) {
      throw InputError(source + ": unexpected tensor '" + tensor.name +
                       "' (the model has no such layer)");
    }
  }
  return parameters;
}

std::vector<ParameterBlock> parameter_blocks(const Mlp& mlp) {
  std::vector<ParameterBlock> blocks;
  for (const LinearBlock& block : mlp.linear_blocks()) {
    blocks.push_back(
        {weight_name(block), block.weight_offset, static_cast<Eigen::Index>(block.out) * block.in});
    blocks.push_back({bias_name(block), block.bias_offset, block.out});
  }
  return blocks;
}

Vec load_parameters(const Mlp& mlp, const std::string& path) {
  return parameters_from_tensors(mlp, read_safetensors(path), path);
}

void save_parameters(const Mlp& mlp, const Vec& parameters, const std::string& path) {
  write_safetensors(path, parameters_to_tensors(mlp, parameters));
}

}  // namespace lv
