// The model spec of docs/architecture.md §4.5: a sequence of layers (linear, relu, tanh, sigmoid,
// gelu, softplus) and a loss (cross_entropy, mse), read from JSON with errors naming the file and
// entry.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lv {

enum class LayerType { Linear, Relu, Tanh, Sigmoid, Gelu, Softplus };
enum class LossType { CrossEntropy, Mse };

struct LayerSpec {
  LayerType type = LayerType::Linear;
  int in = 0;   // linear only
  int out = 0;  // linear only
};

struct ModelSpec {
  std::vector<LayerSpec> layers;
  LossType loss = LossType::CrossEntropy;

  int input_size() const;
  int output_size() const;
};

const char* layer_type_name(LayerType type);
const char* loss_type_name(LossType type);

// Parses the JSON text; `source` (a file name) prefixes every error. Checks that the model starts
// with a linear layer, that consecutive linear sizes agree and that sizes are positive.
ModelSpec parse_model_spec(std::string_view json_text, const std::string& source);
ModelSpec load_model_spec(const std::string& path);
std::string model_spec_json(const ModelSpec& spec);

}  // namespace lv
