#include "optim/derivative_free.hpp"

#include <cmath>
#include <limits>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv {

HyperParameter seed_parameter() {
  return integer_parameter("seed", 0, 0, 1000, 0, 2147483647,
                           "random seed: same seed, same search");
}

HyperParameter lower_bound_parameter() {
  return list_parameter("lower", {-5.0},
                        "lower corner of the search box (one value: all coordinates)");
}

HyperParameter upper_bound_parameter() {
  return list_parameter("upper", {5.0},
                        "upper corner of the search box (one value: all coordinates)");
}

DerivativeFreeOptimizer::DerivativeFreeOptimizer(std::string name,
                                                 std::vector<HyperParameter> descriptors)
    : Optimizer(std::move(name), std::move(descriptors)) {}

void DerivativeFreeOptimizer::reset_search(const Vec& x0) {
  evaluations_.clear();
  best_point_ = x0;
  best_value_ = std::numeric_limits<double>::infinity();
  started_ = false;
  const bool seeded = hyperparameters().has("seed");
  generator_.seed(seeded ? static_cast<uint64_t>(hyperparameters().integer("seed")) : 0u);
}

void DerivativeFreeOptimizer::start_if_needed(const StepContext& context, const Vec& x) {
  if (started_) return;
  started_ = true;
  record(x, context.value);
}

void DerivativeFreeOptimizer::record(const Vec& point, double value) {
  evaluations_.push_back({point, value});
  if (value < best_value_) {
    best_value_ = value;
    best_point_ = point;
  }
}

double DerivativeFreeOptimizer::evaluate(Oracle& oracle, const Vec& point) {
  double value = oracle.value(point);
  if (!std::isfinite(value)) value = std::numeric_limits<double>::infinity();
  record(point, value);
  return value;
}

namespace {

Vec box_corner(const HyperParameters& parameters, const char* name, int dimension) {
  const std::vector<double>& values = parameters.list(name);
  if (values.size() == 1) return Vec::Constant(dimension, values.front());
  if (static_cast<int>(values.size()) != dimension) {
    throw InputError(std::string("'") + name + "' has " + std::to_string(values.size()) +
                     " values; give one or " + std::to_string(dimension));
  }
  return Eigen::Map<const Vec>(values.data(), dimension);
}

}  // namespace

void DerivativeFreeOptimizer::read_box(int dimension) {
  lower_ = box_corner(hyperparameters(), "lower", dimension);
  upper_ = box_corner(hyperparameters(), "upper", dimension);
  for (int i = 0; i < dimension; ++i) {
    if (!(lower_[i] < upper_[i])) {
      throw InputError(name() + ": search box coordinate " + std::to_string(i) + " has lower " +
                       format_exact(lower_[i]) + " >= upper " + format_exact(upper_[i]));
    }
  }
}

Vec DerivativeFreeOptimizer::uniform_in_box() {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Vec point(lower_.size());
  for (Eigen::Index i = 0; i < point.size(); ++i) {
    point[i] = lower_[i] + unit(generator_) * (upper_[i] - lower_[i]);
  }
  return point;
}

}  // namespace lv
