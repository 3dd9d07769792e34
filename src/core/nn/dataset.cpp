#include "nn/dataset.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <numbers>
#include <random>
#include <utility>

#include "common/errors.hpp"
#include "common/name_lookup.hpp"
#include "common/text.hpp"
#include "files/atomic_file.hpp"

namespace lv {

namespace {

using Generator = std::function<Dataset(const HyperParameters&, std::mt19937_64&)>;

struct GeneratorEntry {
  GeneratorInfo info;
  Generator generate;
};

HyperParameter samples_option(int default_n) {
  return integer_parameter("n", default_n, 10, 5000, 1, 10000000, "number of samples");
}
HyperParameter noise_option(double default_noise) {
  return real_parameter("noise", default_noise, 0.0, 1.0, 0.0, 1e6, false,
                        "standard deviation of the Gaussian noise");
}
HyperParameter seed_option() {
  return integer_parameter("seed", 0, 0, 1000, 0, 2147483647, "random seed (same seed, same data)");
}
HyperParameter classes_option(int default_classes) {
  return integer_parameter("classes", default_classes, 2, 10, 2, 1000, "number of classes");
}

Dataset make_empty(int features, int n, int classes) {
  Dataset data;
  data.inputs = Mat::Zero(features, n);
  data.targets = Mat::Zero(1, n);
  data.classes = classes;
  return data;
}

// Class k gets samples [k·n/K, (k+1)·n/K).
int class_of_sample(int sample, int n, int classes) {
  return static_cast<int>(static_cast<long>(sample) * classes / n);
}

// K interleaved spiral arms, as in the CS231n "Neural Networks Case Study" data: radius from 0 to
// 1 along each arm, angle 4 radians per arm plus Gaussian noise on the angle.
Dataset spirals(const HyperParameters& p, std::mt19937_64& generator) {
  const int n = p.integer("n");
  const int classes = p.integer("classes");
  std::normal_distribution<double> normal(0.0, 1.0);
  Dataset data = make_empty(2, n, classes);
  for (int s = 0; s < n; ++s) {
    const int k = class_of_sample(s, n, classes);
    const int first = static_cast<int>((static_cast<long>(k) * n + classes - 1) / classes);
    const int last = static_cast<int>((static_cast<long>(k + 1) * n + classes - 1) / classes);
    const double position = last - first > 1 ? double(s - first) / double(last - first - 1) : 0.0;
    const double angle = 4.0 * (k + position) + p.get("noise") * normal(generator);
    data.inputs.col(s) << position * std::sin(angle), position * std::cos(angle);
    data.targets(0, s) = k;
  }
  return data;
}

// sklearn's make_moons and make_circles split the samples alike: the first n − n/2 form the outer
// shape (class 0), the rest the inner one (class 1). `place(is_outer, index, count)` gives the
// noise-free point `index` of the `count` on its shape; Gaussian noise is then added to x, then y.
template <typename Place>
Dataset two_halves(int n, double noise, std::mt19937_64& generator, Place&& place) {
  const int outer = n - n / 2;
  std::normal_distribution<double> normal(0.0, noise);
  Dataset data = make_empty(2, n, 2);
  for (int s = 0; s < n; ++s) {
    const bool is_outer = s < outer;
    const auto [x, y] = place(is_outer, is_outer ? s : s - outer, is_outer ? outer : n - outer);
    data.inputs(0, s) = x + normal(generator);
    data.inputs(1, s) = y + normal(generator);
    data.targets(0, s) = is_outer ? 0 : 1;
  }
  return data;
}

// sklearn.datasets.make_moons: two interleaving half circles, Gaussian noise on both inputs.
Dataset moons(const HyperParameters& p, std::mt19937_64& generator) {
  const auto place = [](bool is_outer, int index, int count) {
    const double angle = count > 1 ? std::numbers::pi * index / (count - 1) : 0.0;
    return is_outer ? std::pair(std::cos(angle), std::sin(angle))
                    : std::pair(1.0 - std::cos(angle), 0.5 - std::sin(angle));
  };
  return two_halves(p.integer("n"), p.get("noise"), generator, place);
}

// sklearn.datasets.make_circles: an outer unit circle (class 0) around an inner circle of radius
// `factor` (class 1), Gaussian noise on both inputs.
Dataset circles(const HyperParameters& p, std::mt19937_64& generator) {
  const double factor = p.get("factor");
  const auto place = [factor](bool is_outer, int index, int count) {
    const double angle = 2.0 * std::numbers::pi * index / count;
    const double radius = is_outer ? 1.0 : factor;
    return std::pair(radius * std::cos(angle), radius * std::sin(angle));
  };
  return two_halves(p.integer("n"), p.get("noise"), generator, place);
}

// Points uniform in [−1, 1]²; class 1 when the signs of x and y differ. Noise is added to the
// inputs after labelling, so it blurs the boundary.
Dataset exclusive_or(const HyperParameters& p, std::mt19937_64& generator) {
  const int n = p.integer("n");
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  std::normal_distribution<double> normal(0.0, p.get("noise"));
  Dataset data = make_empty(2, n, 2);
  for (int s = 0; s < n; ++s) {
    const double x = uniform(generator);
    const double y = uniform(generator);
    data.targets(0, s) = (x > 0.0) != (y > 0.0) ? 1 : 0;
    data.inputs.col(s) << x + normal(generator), y + normal(generator);
  }
  return data;
}

// Isotropic Gaussian blobs (standard deviation `noise`) centred on a circle of radius 3.
Dataset blobs(const HyperParameters& p, std::mt19937_64& generator) {
  const int n = p.integer("n");
  const int classes = p.integer("classes");
  std::normal_distribution<double> normal(0.0, p.get("noise"));
  Dataset data = make_empty(2, n, classes);
  for (int s = 0; s < n; ++s) {
    const int k = class_of_sample(s, n, classes);
    const double angle = 2.0 * std::numbers::pi * k / classes;
    data.inputs.col(s) << 3.0 * std::cos(angle) + normal(generator),
        3.0 * std::sin(angle) + normal(generator);
    data.targets(0, s) = k;
  }
  return data;
}

// y = wᵀx + b + noise·ε with x, w, b, ε ~ N(0, 1) (w and b drawn first from the seed).
Dataset linear_regression(const HyperParameters& p, std::mt19937_64& generator) {
  const int n = p.integer("n");
  const int features = p.integer("features");
  std::normal_distribution<double> normal(0.0, 1.0);
  Vec weights(features);
  for (int i = 0; i < features; ++i) weights[i] = normal(generator);
  const double offset = normal(generator);
  Dataset data = make_empty(features, n, 0);
  for (int s = 0; s < n; ++s) {
    for (int i = 0; i < features; ++i) data.inputs(i, s) = normal(generator);
    data.targets(0, s) =
        weights.dot(data.inputs.col(s)) + offset + p.get("noise") * normal(generator);
  }
  return data;
}

// y = sin(x) + noise·ε with x uniform in [−π, π].
Dataset sine_regression(const HyperParameters& p, std::mt19937_64& generator) {
  const int n = p.integer("n");
  std::uniform_real_distribution<double> uniform(-std::numbers::pi, std::numbers::pi);
  std::normal_distribution<double> normal(0.0, 1.0);
  Dataset data = make_empty(1, n, 0);
  for (int s = 0; s < n; ++s) {
    data.inputs(0, s) = uniform(generator);
    data.targets(0, s) = std::sin(data.inputs(0, s)) + p.get("noise") * normal(generator);
  }
  return data;
}

const std::vector<GeneratorEntry>& generator_entries() {
  static const std::vector<GeneratorEntry> entries = {
      {{"spirals",
        "interleaved spiral arms (CS231n), 2 inputs",
        true,
        {samples_option(600), noise_option(0.2), classes_option(3), seed_option()}},
       spirals},
      {{"moons",
        "two interleaving half circles (sklearn make_moons), 2 classes",
        true,
        {samples_option(500), noise_option(0.1), seed_option()}},
       moons},
      {{"circles",
        "a circle inside a circle (sklearn make_circles), 2 classes",
        true,
        {samples_option(500), noise_option(0.05),
         real_parameter("factor", 0.5, 0.1, 0.9, 0.0, 1.0, false, "inner radius / outer radius"),
         seed_option()}},
       circles},
      {{"xor",
        "XOR of the signs of two uniform inputs, 2 classes",
        true,
        {samples_option(500), noise_option(0.05), seed_option()}},
       exclusive_or},
      {{"blobs",
        "Gaussian blobs on a circle of radius 3",
        true,
        {samples_option(500), noise_option(0.5), classes_option(3), seed_option()}},
       blobs},
      {{"linear-regression",
        "y = w·x + b + noise with Gaussian x, w, b (use mse)",
        false,
        {samples_option(200), noise_option(0.1),
         integer_parameter("features", 1, 1, 16, 1, 100000, "number of input features"),
         seed_option()}},
       linear_regression},
      {{"sine-regression",
        "y = sin(x) + noise, x uniform in [-pi, pi] (use mse)",
        false,
        {samples_option(200), noise_option(0.1), seed_option()}},
       sine_regression},
  };
  return entries;
}

const GeneratorEntry* find_generator(const std::string& name) {
  for (const GeneratorEntry& entry : generator_entries()) {
    if (entry.info.name == name) return &entry;
  }
  return nullptr;
}

Dataset generate(const GeneratorEntry& entry, const std::string& options,
                 const std::string& argument) {
  HyperParameters parameters(entry.info.options);
  if (!options.empty())
    parameters.set_from_assignments(split(options, ','), "data '" + argument + "'");
  std::mt19937_64 generator(static_cast<uint64_t>(parameters.integer("seed")));
  Dataset data = entry.generate(parameters, generator);
  data.label = argument;
  return data;
}

std::vector<std::string> generator_names() {
  std::vector<std::string> names;
  for (const GeneratorEntry& entry : generator_entries()) names.push_back(entry.info.name);
  return names;
}

}  // namespace

Dataset Dataset::subset(const std::vector<int>& indices) const {
  Dataset part;
  part.inputs.resize(inputs.rows(), static_cast<Eigen::Index>(indices.size()));
  part.targets.resize(targets.rows(), static_cast<Eigen::Index>(indices.size()));
  for (size_t k = 0; k < indices.size(); ++k) {
    part.inputs.col(static_cast<Eigen::Index>(k)) = inputs.col(indices[k]);
    part.targets.col(static_cast<Eigen::Index>(k)) = targets.col(indices[k]);
  }
  part.classes = classes;
  part.label = label;
  return part;
}

DatasetSplit split_dataset(const Dataset& data, double validation_fraction, uint64_t seed) {
  if (!(validation_fraction >= 0.0 && validation_fraction < 1.0)) {
    throw InputError("validation fraction must be in [0, 1), got " +
                     format_exact(validation_fraction));
  }
  std::vector<int> order(static_cast<size_t>(data.size()));
  for (int i = 0; i < data.size(); ++i) order[static_cast<size_t>(i)] = i;
  std::mt19937_64 generator(seed);
  std::shuffle(order.begin(), order.end(), generator);
  const auto validation_count = static_cast<long>(std::lround(validation_fraction * data.size()));
  if (validation_count >= data.size())
    throw InputError("the validation split leaves no training samples");
  const std::vector<int> validation(order.begin(), order.begin() + validation_count);
  const std::vector<int> train(order.begin() + validation_count, order.end());
  return {data.subset(train), data.subset(validation)};
}

const std::vector<GeneratorInfo>& dataset_generators() {
  static const std::vector<GeneratorInfo> infos = [] {
    std::vector<GeneratorInfo> list;
    for (const GeneratorEntry& entry : generator_entries()) list.push_back(entry.info);
    return list;
  }();
  return infos;
}

Dataset parse_csv_dataset(const std::string& text, const std::string& source) {
  const std::vector<std::string> lines = split(text, '\n');
  size_t line_index = 0;
  while (line_index < lines.size() && trim(lines[line_index]).empty()) ++line_index;
  if (line_index == lines.size())
    throw InputError(source + ": empty file (expected a header line)");
  const size_t columns = split(lines[line_index], ',').size();
  if (columns < 2) {
    throw InputError(source + ":" + std::to_string(line_index + 1) +
                     ": the header needs at least two columns (features first, target last)");
  }
  std::vector<std::vector<double>> rows;
  for (size_t i = line_index + 1; i < lines.size(); ++i) {
    if (trim(lines[i]).empty()) continue;
    const std::vector<std::string> fields = split(lines[i], ',');
    const std::string where = source + ":" + std::to_string(i + 1);
    if (fields.size() != columns) {
      throw InputError(where + ": expected " + std::to_string(columns) + " fields, got " +
                       std::to_string(fields.size()));
    }
    std::vector<double> row;
    for (size_t c = 0; c < fields.size(); ++c) {
      const auto number = parse_double(trim(fields[c]));
      if (!number || !std::isfinite(*number)) {
        throw InputError(where + ": field " + std::to_string(c + 1) + " '" + trim(fields[c]) +
                         "' is not a finite number");
      }
      row.push_back(*number);
    }
    rows.push_back(std::move(row));
  }
  if (rows.empty()) throw InputError(source + ": no data rows after the header");
  Dataset data = make_empty(static_cast<int>(columns - 1), static_cast<int>(rows.size()), 0);
  bool integer_targets = true;
  double largest_target = 0.0;
  for (size_t s = 0; s < rows.size(); ++s) {
    for (size_t c = 0; c + 1 < columns; ++c)
      data.inputs(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(s)) = rows[s][c];
    const double target = rows[s].back();
    data.targets(0, static_cast<Eigen::Index>(s)) = target;
    integer_targets = integer_targets && target >= 0.0 && target == std::floor(target);
    largest_target = std::max(largest_target, target);
  }
  // Non-negative integer targets may be classes; the model's loss decides how they are used.
  // Labels beyond k_max_classes are values, not classes (and never overflow the int below).
  constexpr double k_max_classes = 65536;
  data.classes =
      integer_targets && largest_target < k_max_classes ? static_cast<int>(largest_target) + 1 : 0;
  data.label = source;
  return data;
}

Dataset load_dataset(const std::string& argument) {
  const size_t colon = argument.find(':');
  const std::string name = argument.substr(0, colon);
  if (const GeneratorEntry* entry = find_generator(name)) {
    return generate(*entry, colon == std::string::npos ? "" : argument.substr(colon + 1), argument);
  }
  if (!std::filesystem::exists(argument)) {
    throw InputError("data '" + argument + "' is neither a file nor a built-in generator" +
                     did_you_mean(name, generator_names()) + "; see 'lossviz-cli list datasets'");
  }
  return parse_csv_dataset(read_file(argument), argument);
}

}  // namespace lv
