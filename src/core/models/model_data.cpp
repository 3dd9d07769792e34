#include "models/model_data.hpp"

#include <cmath>
#include <filesystem>
#include <functional>
#include <random>

#include "common/errors.hpp"
#include "common/name_lookup.hpp"
#include "common/text.hpp"
#include "files/atomic_file.hpp"

namespace lv {

namespace {

const ModelColumns k_regression_columns{{"x"}, "y", false};
const ModelColumns k_classification_columns{{"x1", "x2"}, "label", true};

using Generate = std::function<ModelData(const HyperParameters&, std::mt19937_64&)>;

struct GeneratorEntry {
  ModelDataGeneratorInfo info;
  Generate generate;
};

HyperParameter samples_option() {
  return integer_parameter("n", 200, 2, 2000, 1, 1000000, "number of samples");
}
HyperParameter noise_option(double default_noise) {
  return real_parameter("noise", default_noise, 0.0, 1.0, 0.0, 1e6, false,
                        "standard deviation of the Gaussian noise on y");
}
HyperParameter seed_option() {
  return integer_parameter("seed", 1, 0, 1000, 0, 2147483647, "random seed (same seed, same data)");
}

ModelData make_empty(int n, int inputs) {
  return {Mat::Zero(n, inputs), Vec::Zero(n), ""};
}

// y = w·x + b + noise·ε, x ~ N(0, 1), ε ~ N(0, 1).
ModelData linear(const HyperParameters& p, std::mt19937_64& generator) {
  std::normal_distribution<double> normal(0.0, 1.0);
  ModelData data = make_empty(p.integer("n"), 1);
  for (int i = 0; i < data.size(); ++i) {
    data.inputs(i, 0) = normal(generator);
    data.targets[i] =
        p.get("w") * data.inputs(i, 0) + p.get("b") + p.get("noise") * normal(generator);
  }
  return data;
}

// y = tanh(w·x + b) + noise·ε, x ~ U(-3, 3), ε ~ N(0, 1).
ModelData tanh_curve(const HyperParameters& p, std::mt19937_64& generator) {
  std::normal_distribution<double> normal(0.0, 1.0);
  std::uniform_real_distribution<double> uniform(-3.0, 3.0);
  ModelData data = make_empty(p.integer("n"), 1);
  for (int i = 0; i < data.size(); ++i) {
    data.inputs(i, 0) = uniform(generator);
    data.targets[i] =
        std::tanh(p.get("w") * data.inputs(i, 0) + p.get("b")) + p.get("noise") * normal(generator);
  }
  return data;
}

// Two Gaussian blobs (standard deviation `spread`) centred at ±(distance, distance/2): label 1
// around the positive centre, 0 around the negative one; separable by a line through the origin,
// as a model without bias needs. Alternating labels, so both classes have n/2 samples.
ModelData blobs(const HyperParameters& p, std::mt19937_64& generator) {
  std::normal_distribution<double> normal(0.0, 1.0);
  ModelData data = make_empty(p.integer("n"), 2);
  const double distance = p.get("distance");
  const double spread = p.get("spread");
  for (int i = 0; i < data.size(); ++i) {
    const double side = i % 2 == 0 ? 1.0 : -1.0;
    data.inputs(i, 0) = side * distance + spread * normal(generator);
    data.inputs(i, 1) = side * 0.5 * distance + spread * normal(generator);
    data.targets[i] = side > 0 ? 1.0 : 0.0;
  }
  return data;
}

const std::vector<GeneratorEntry>& generator_entries() {
  static const std::vector<GeneratorEntry> entries = {
      {{"linear",
        "y = w·x + b + noise, x ~ N(0,1) (for linear_regression)",
        k_regression_columns,
        {samples_option(), noise_option(0.5), seed_option(),
         real_parameter("w", 2.0, -5.0, 5.0, -1e6, 1e6, false, "true slope"),
         real_parameter("b", -1.0, -5.0, 5.0, -1e6, 1e6, false, "true intercept")}},
       linear},
      {{"blobs",
        "two Gaussian blobs labelled 0/1, separable through the origin (for logistic_regression)",
        k_classification_columns,
        {samples_option(), seed_option(),
         real_parameter("distance", 1.0, 0.0, 4.0, 0.0, 1e6, false, "centres at ±(d, d/2)"),
         real_parameter("spread", 1.0, 0.05, 3.0, 1e-6, 1e6, false, "standard deviation")}},
       blobs},
      {{"tanh",
        "y = tanh(w·x + b) + noise, x ~ U(-3,3) (for neuron)",
        k_regression_columns,
        {samples_option(), noise_option(0.1), seed_option(),
         real_parameter("w", 1.5, -5.0, 5.0, -1e6, 1e6, false, "true weight"),
         real_parameter("b", 0.5, -5.0, 5.0, -1e6, 1e6, false, "true bias")}},
       tanh_curve},
  };
  return entries;
}

std::string column_list(const ModelColumns& columns) {
  std::string text;
  for (const std::string& name : columns.inputs) text += name + ",";
  return text + columns.target;
}

ModelData generate(const GeneratorEntry& entry, const std::string& options,
                   const std::string& argument) {
  HyperParameters parameters(entry.info.options);
  std::vector<std::string> assignments = split(options, ',');
  std::erase(assignments, std::string());  // "n=60," and "n=60,,seed=1" are fine here
  parameters.set_from_assignments(assignments, "data '" + argument + "'");
  std::mt19937_64 generator(static_cast<uint64_t>(parameters.integer("seed")));
  ModelData data = entry.generate(parameters, generator);
  data.label = argument;
  return data;
}

bool skipped(const std::string& line) {
  const std::string text = trim(line);
  return text.empty() || text.front() == '#';
}

// For each model column (inputs, then target), its index among the header's fields.
std::vector<size_t> header_columns(const std::string& header, const std::string& where,
                                   const ModelColumns& columns) {
  std::vector<std::string> names;
  for (const std::string& field : split(header, ',')) names.push_back(trim(field));
  std::vector<std::string> wanted = columns.inputs;
  wanted.push_back(columns.target);
  const std::string expected = "expected the header " + column_list(columns) + " (any order)";
  if (names.size() != wanted.size()) {
    throw InputError(where + ": " + expected + ", got " + std::to_string(names.size()) +
                     " columns '" + trim(header) + "'");
  }
  std::vector<size_t> indices;
  for (const std::string& name : wanted) {
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) throw InputError(where + ": no column '" + name + "'; " + expected);
    indices.push_back(static_cast<size_t>(found - names.begin()));
  }
  return indices;
}

}  // namespace

const std::vector<ModelDataGeneratorInfo>& model_data_generators() {
  static const std::vector<ModelDataGeneratorInfo> infos = [] {
    std::vector<ModelDataGeneratorInfo> list;
    for (const GeneratorEntry& entry : generator_entries()) list.push_back(entry.info);
    return list;
  }();
  return infos;
}

ModelData parse_model_csv(const std::string& text, const std::string& source,
                          const ModelColumns& columns) {
  const std::vector<std::string> lines = split(text, '\n');
  size_t line = 0;
  while (line < lines.size() && skipped(lines[line])) ++line;
  if (line == lines.size())
    throw InputError(source + ": empty file (expected the header " + column_list(columns) + ")");
  const std::vector<size_t> indices =
      header_columns(lines[line], source + ":" + std::to_string(line + 1), columns);
  const std::vector<std::string> header = split(lines[line], ',');
  std::vector<std::vector<double>> rows;
  for (size_t i = line + 1; i < lines.size(); ++i) {
    if (skipped(lines[i])) continue;
    const std::vector<std::string> fields = split(lines[i], ',');
    const std::string where = source + ":" + std::to_string(i + 1);
    if (fields.size() != indices.size()) {
      throw InputError(where + ": expected " + std::to_string(indices.size()) + " fields, got " +
                       std::to_string(fields.size()));
    }
    std::vector<double> row;
    for (size_t k = 0; k < indices.size(); ++k) {
      const std::string field = trim(fields[indices[k]]);
      const std::string column =
          "column " + std::to_string(indices[k] + 1) + " (" + trim(header[indices[k]]) + ")";
      const auto number = parse_double(field);
      if (!number || !std::isfinite(*number))
        throw InputError(where + ": " + column + ": '" + field + "' is not a finite number");
      if (k + 1 == indices.size() && columns.binary_labels && *number != 0.0 && *number != 1.0)
        throw InputError(where + ": " + column + ": label '" + field + "' is not 0 or 1");
      row.push_back(*number);
    }
    rows.push_back(std::move(row));
  }
  if (rows.empty()) throw InputError(source + ": no data rows after the header");
  const int inputs = static_cast<int>(columns.inputs.size());
  ModelData data = make_empty(static_cast<int>(rows.size()), inputs);
  for (int s = 0; s < data.size(); ++s) {
    for (int k = 0; k < inputs; ++k) data.inputs(s, k) = rows[static_cast<size_t>(s)][k];
    data.targets[s] = rows[static_cast<size_t>(s)].back();
  }
  data.label = source;
  return data;
}

ModelData load_model_data(const std::string& argument, const ModelColumns& columns) {
  const size_t colon = argument.find(':');
  const std::string name = argument.substr(0, colon);
  std::vector<std::string> names;
  for (const GeneratorEntry& entry : generator_entries()) {
    names.push_back(entry.info.name);
    if (entry.info.name != name) continue;
    if (entry.info.columns.inputs != columns.inputs) {
      throw InputError("data '" + argument + "': the generator '" + name + "' makes " +
                       column_list(entry.info.columns) + " samples, the model needs " +
                       column_list(columns));
    }
    return generate(entry, colon == std::string::npos ? "" : argument.substr(colon + 1), argument);
  }
  if (!std::filesystem::is_regular_file(argument)) {
    throw InputError("data '" + argument + "' is neither a file nor a built-in generator" +
                     did_you_mean(name, names) + "; see 'lossviz-cli list functions'");
  }
  return parse_model_csv(read_file(argument), argument, columns);
}

}  // namespace lv
