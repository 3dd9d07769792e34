#include "plot/value_scale.hpp"

#include <algorithm>
#include <cmath>

namespace lv {

namespace {
constexpr double k_log_floor = 1e-5;  // the log scale spans at most 5 decades below the maximum
}

ValueScale ValueScale::linear(double low, double high) {
  ValueScale scale;
  scale.low_ = low;
  scale.high_ = high > low ? high : low + 1.0;
  return scale;
}

ValueScale ValueScale::logarithmic(double low, double high) {
  if (low < 0.0 || !(high > 0.0)) return linear(low, high);
  ValueScale scale;
  scale.log_ = true;
  scale.high_ = high;
  scale.low_ = std::max(low, k_log_floor * high);
  if (!(scale.high_ > scale.low_)) return linear(low, high);
  return scale;
}

ValueScale ValueScale::symmetric(double low, double high) {
  const double magnitude = std::max(std::abs(low), std::abs(high));
  return linear(-magnitude, magnitude);
}

double ValueScale::transform(double value) const {
  return log_ ? std::log10(std::max(value, 1e-300)) : value;
}

double ValueScale::normalized(double value) const {
  if (std::isnan(value)) return value;
  const double t = (transform(value) - transform(low_)) / (transform(high_) - transform(low_));
  return std::clamp(t, 0.0, 1.0);
}

double ValueScale::value_at(double t) const {
  const double s = transform(low_) + t * (transform(high_) - transform(low_));
  return log_ ? std::pow(10.0, s) : s;
}

std::vector<double> ValueScale::levels(int count) const {
  if (count <= 0) return {};
  if (log_) return log_levels(count);
  // Linear: multiples of a nice spacing (Heckbert's nice number of range/(count + 1)).
  const double spacing = nice_number((high_ - low_) / (count + 1), true);
  std::vector<double> values;
  for (double value = std::floor(low_ / spacing + 1.0) * spacing; value < high_; value += spacing) {
    if (value > low_) values.push_back(std::abs(value) < 1e-9 * spacing ? 0.0 : value);
  }
  if (!values.empty()) return values;
  for (int k = 1; k <= count; ++k) values.push_back(value_at(static_cast<double>(k) / (count + 1)));
  return values;
}

// Log: a fixed set of mantissas per decade (1; 1, 3; 1, 2, 5; or m evenly spaced in log) chosen
// so that about `count` levels fall inside the range.
std::vector<double> ValueScale::log_levels(int count) const {
  const double decades = std::log10(high_) - std::log10(low_);
  const int per_decade =
      std::max(1, static_cast<int>(std::lround(count / std::max(decades, 1e-9))));
  std::vector<double> mantissas;
  if (per_decade == 2) {
    mantissas = {1.0, 3.0};
  } else if (per_decade == 3) {
    mantissas = {1.0, 2.0, 5.0};
  } else {
    for (int k = 0; k < per_decade; ++k)
      mantissas.push_back(std::pow(10.0, static_cast<double>(k) / per_decade));
  }
  std::vector<double> values;
  for (double decade = std::pow(10.0, std::floor(std::log10(low_))); decade < high_;
       decade *= 10.0) {
    for (double mantissa : mantissas) {
      const double value = mantissa * decade;
      if (value > low_ && value < high_) values.push_back(value);
    }
  }
  return values;
}

Ticks ValueScale::ticks() const {
  return log_ ? log_ticks(low_, high_) : linear_ticks(low_, high_, 6);
}

bool prefers_log_scale(std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(),
                              [](double value) { return !std::isfinite(value); }),
               values.end());
  if (values.size() < 10) return false;
  std::sort(values.begin(), values.end());
  const double low = values.front();
  const auto above_minimum = [&](double fraction) {
    return values[static_cast<size_t>(fraction * static_cast<double>(values.size() - 1))] - low;
  };
  const double high = above_minimum(0.98), bottom = above_minimum(0.10);
  if (!(high > 0)) return false;
  return bottom <= 0.01 * high;
}

}  // namespace lv
