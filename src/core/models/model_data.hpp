// lv::ModelData: the samples a two-parameter model is fitted to (docs/two_param_models.md): one
// input x and a real target y (linear regression, the tanh neuron), or two inputs x1, x2 and a 0/1
// label (logistic regression). Made by a built-in generator "NAME[:k=v,...]" or read from a CSV
// file whose header names the columns.
#pragma once

#include <string>
#include <vector>

#include "common/types.hpp"
#include "params/hyperparameter.hpp"

namespace lv {

// What a model reads: the CSV header's column names (the inputs, then the target) and whether
// the target is a 0/1 label.
struct ModelColumns {
  std::vector<std::string> inputs;  // {"x"} or {"x1", "x2"}
  std::string target;               // "y" or "label"
  bool binary_labels = false;
};

struct ModelData {
  Mat inputs;   // [samples × inputs]
  Vec targets;  // [samples]
  std::string label;

  int size() const { return static_cast<int>(targets.size()); }
};

struct ModelDataGeneratorInfo {
  std::string name;
  std::string summary;
  ModelColumns columns;                 // what it makes
  std::vector<HyperParameter> options;  // n, noise, seed, ...
};

const std::vector<ModelDataGeneratorInfo>& model_data_generators();

// A generator "linear:n=200,noise=0.3,seed=1" (every option optional) or a CSV path. Throws
// InputError naming the generator option, or the file, line and column at fault, or the columns
// the model needs when the data has others.
ModelData load_model_data(const std::string& argument, const ModelColumns& columns);
// CSV text: a header naming exactly the model's columns (any order, spaces around names
// ignored), then one sample per line; blank lines and lines starting with '#' are skipped.
// `source` names the file in errors ("data.csv:7: column 2 (y): 'abc' is not a number").
ModelData parse_model_csv(const std::string& text, const std::string& source,
                          const ModelColumns& columns);

}  // namespace lv
