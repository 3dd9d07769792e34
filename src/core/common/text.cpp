#include "common/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace lv {

int edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, substitutions and adjacent transpositions
  // ("sni" -> "sin") each cost 1.
  const size_t columns = b.size() + 1;
  std::vector<int> d((a.size() + 1) * columns);
  auto at = [&](size_t i, size_t j) -> int& { return d[i * columns + j]; };
  for (size_t i = 0; i <= a.size(); ++i) at(i, 0) = static_cast<int>(i);
  for (size_t j = 0; j <= b.size(); ++j) at(0, j) = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(a.size(), b.size());
}

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates) {
  std::optional<std::string> best;
  int best_distance = 0;
  for (const std::string& candidate : candidates) {
    const int distance = edit_distance(word, candidate);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // A suggestion further away than about a third of the word is noise, not help; so is any
  // suggestion for a one-letter word.
  const int length = static_cast<int>(word.size());
  const int tolerance = std::max(1, length / 3);
  if (best && best_distance <= tolerance && best_distance < length) return best;
  return std::nullopt;
}

std::optional<double> parse_double(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const std::string copy(text);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) return std::nullopt;
  return value;
}

std::optional<int> parse_whole_number(std::string_view text, int min, int max) {
  const auto value = parse_double(text);
  if (!value || !(*value >= min && *value <= max) || *value != std::floor(*value)) {
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t position = text.find(separator, start);
    if (position == std::string_view::npos) {
      fields.emplace_back(text.substr(start));
      return fields;
    }
    fields.emplace_back(text.substr(start, position - start));
    start = position + 1;
  }
}

std::string format_exact(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

std::string format_shortest(double value) {
  char buffer[40];
  if (value == std::floor(value) && std::abs(value) < 1e15) {  // whole numbers: 250, not 2.5e+02
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) return buffer;
  }
  return format_exact(value);
}

std::string format_general(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

std::string with_minus_sign(std::string label) {
  static const std::string minus = "\u2212";
  for (size_t k = 0; k < label.size(); ++k) {
    const bool sign = label[k] == '-' &&
                      (k == 0 || label[k - 1] == 'e' || label[k - 1] == ' ' || label[k - 1] == '(');
    if (sign) label.replace(k, 1, minus);
  }
  return label;
}

std::string trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t\r") - first + 1));
}

}  // namespace lv
