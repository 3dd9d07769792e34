#include "nn/model_spec.hpp"

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <utility>

#include "common/errors.hpp"
#include "common/name_lookup.hpp"
#include "files/atomic_file.hpp"

namespace lv {

namespace {

constexpr std::array<std::pair<const char*, LayerType>, 6> k_layer_names = {{
    {"linear", LayerType::Linear},
    {"relu", LayerType::Relu},
    {"tanh", LayerType::Tanh},
    {"sigmoid", LayerType::Sigmoid},
    {"gelu", LayerType::Gelu},
    {"softplus", LayerType::Softplus},
}};

std::vector<std::string> layer_names() {
  std::vector<std::string> names;
  for (const auto& [name, type] : k_layer_names) names.emplace_back(name);
  return names;
}

LayerType parse_layer_type(const std::string& name, const std::string& where) {
  for (const auto& [known, type] : k_layer_names) {
    if (name == known) return type;
  }
  throw InputError(where + ": unknown layer type '" + name + "'" +
                   did_you_mean(name, layer_names()) +
                   "; expected linear, relu, tanh, sigmoid, gelu or softplus");
}

// Limits checked before anything is allocated: a width or a parameter count beyond them is a
// typo or a model this tool cannot hold, and must not wrap around or exhaust memory.
constexpr std::uint64_t k_max_layer_width = 1u << 20;
constexpr std::uint64_t k_max_parameter_count = 50'000'000;

int positive_size(const nlohmann::json& layer, const char* key, const std::string& where) {
  const bool is_integer = layer.contains(key) && layer[key].is_number_integer();
  const bool positive =
      is_integer && (layer[key].is_number_unsigned() ? layer[key].get<std::uint64_t>() > 0
                                                     : layer[key].get<std::int64_t>() > 0);
  if (!positive) {
    throw InputError(where + ": a linear layer needs a positive integer \"" + key + "\"");
  }
  const std::uint64_t size = layer[key].get<std::uint64_t>();
  if (size > k_max_layer_width) {
    throw InputError(where + ": \"" + key + "\" = " + std::to_string(size) +
                     " is larger than the limit of " + std::to_string(k_max_layer_width) +
                     " units per layer");
  }
  return static_cast<int>(size);
}

LayerSpec parse_layer(const nlohmann::json& layer, const std::string& where) {
  if (!layer.is_object() || !layer.contains("type") || !layer["type"].is_string()) {
    throw InputError(where + ": expected an object with a string \"type\"");
  }
  LayerSpec spec;
  spec.type = parse_layer_type(layer["type"].get<std::string>(), where);
  if (spec.type == LayerType::Linear) {
    spec.in = positive_size(layer, "in", where);
    spec.out = positive_size(layer, "out", where);
  }
  return spec;
}

LossType parse_loss(const nlohmann::json& document, const std::string& source) {
  if (!document.contains("loss")) return LossType::CrossEntropy;
  const nlohmann::json& loss = document["loss"];
  if (loss == "cross_entropy") return LossType::CrossEntropy;
  if (loss == "mse") return LossType::Mse;
  throw InputError(source + ": unknown loss " + loss.dump() +
                   "; expected \"cross_entropy\" or \"mse\"");
}

void check_sizes(const ModelSpec& spec, const std::string& source) {
  std::uint64_t parameter_count = 0;
  for (const LayerSpec& layer : spec.layers) {
    if (layer.type != LayerType::Linear) continue;
    parameter_count +=
        static_cast<std::uint64_t>(layer.in) * static_cast<std::uint64_t>(layer.out) +
        static_cast<std::uint64_t>(layer.out);
  }
  if (parameter_count > k_max_parameter_count) {
    throw InputError(source + ": the model has " + std::to_string(parameter_count) +
                     " parameters, more than the limit of " +
                     std::to_string(k_max_parameter_count));
  }
  int previous_out = -1;
  for (size_t i = 0; i < spec.layers.size(); ++i) {
    const LayerSpec& layer = spec.layers[i];
    if (layer.type != LayerType::Linear) continue;
    if (previous_out >= 0 && layer.in != previous_out) {
      throw InputError(source + ": layers[" + std::to_string(i) +
                       "] has in=" + std::to_string(layer.in) +
                       " but the previous linear layer has out=" + std::to_string(previous_out));
    }
    previous_out = layer.out;
  }
}

}  // namespace

int ModelSpec::input_size() const {
  return layers.front().in;
}

int ModelSpec::output_size() const {
  for (auto layer = layers.rbegin(); layer != layers.rend(); ++layer) {
    if (layer->type == LayerType::Linear) return layer->out;
  }
  return 0;
}

const char* layer_type_name(LayerType type) {
  for (const auto& [name, known] : k_layer_names) {
    if (known == type) return name;
  }
  return "?";
}

const char* loss_type_name(LossType type) {
  return type == LossType::CrossEntropy ? "cross_entropy" : "mse";
}

ModelSpec parse_model_spec(std::string_view json_text, const std::string& source) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::exception& error) {
    throw InputError(source + ": invalid JSON (" + error.what() + ")");
  }
  if (!document.is_object() || !document.contains("layers") || !document["layers"].is_array() ||
      document["layers"].empty()) {
    throw InputError(source + ": expected an object with a non-empty \"layers\" array");
  }
  ModelSpec spec;
  for (size_t i = 0; i < document["layers"].size(); ++i) {
    spec.layers.push_back(
        parse_layer(document["layers"][i], source + ": layers[" + std::to_string(i) + "]"));
  }
  if (spec.layers.front().type != LayerType::Linear) {
    throw InputError(source + ": the first layer must be linear (it fixes the input size)");
  }
  check_sizes(spec, source);
  spec.loss = parse_loss(document, source);
  return spec;
}

ModelSpec load_model_spec(const std::string& path) {
  return parse_model_spec(read_file(path), path);
}

std::string model_spec_json(const ModelSpec& spec) {
  nlohmann::json layers = nlohmann::json::array();
  for (const LayerSpec& layer : spec.layers) {
    nlohmann::json entry = {{"type", layer_type_name(layer.type)}};
    if (layer.type == LayerType::Linear) {
      entry["in"] = layer.in;
      entry["out"] = layer.out;
    }
    layers.push_back(entry);
  }
  return nlohmann::json({{"layers", layers}, {"loss", loss_type_name(spec.loss)}}).dump() + "\n";
}

}  // namespace lv
