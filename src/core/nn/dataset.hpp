// lv::Dataset: samples as columns (inputs [features × n], targets [1 × n]: a class index for
// classification, a real value for regression), created from a data argument of
// docs/architecture.md §4.5: a built-in generator "NAME[:k=v,...]" or a CSV file with a header
// (features first, target last).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/types.hpp"
#include "params/hyperparameter.hpp"

namespace lv {

struct Dataset {
  Mat inputs;       // [features × samples]
  Mat targets;      // [1 × samples]
  int classes = 0;  // number of classes; 0 for regression
  std::string label;

  int size() const { return static_cast<int>(inputs.cols()); }
  int features() const { return static_cast<int>(inputs.rows()); }
  bool is_classification() const { return classes > 0; }
  // The samples at `indices`, in that order.
  Dataset subset(const std::vector<int>& indices) const;
};

struct DatasetSplit {
  Dataset train;
  Dataset validation;  // empty (0 samples) when the fraction is 0
};

// Shuffles (seeded) and puts round(fraction·n) samples into the validation set.
DatasetSplit split_dataset(const Dataset& data, double validation_fraction, uint64_t seed);

struct GeneratorInfo {
  std::string name;
  std::string summary;
  bool classification = true;
  std::vector<HyperParameter> options;  // n, noise, seed, classes...
};

const std::vector<GeneratorInfo>& dataset_generators();

// "spirals:n=600,noise=0.2,seed=1" or a CSV path. Throws InputError naming the option, the
// generator or the file and line at fault.
Dataset load_dataset(const std::string& argument);
// Reads CSV text; `source` names the file in errors ("data.csv:7: ...").
Dataset parse_csv_dataset(const std::string& text, const std::string& source);

}  // namespace lv
