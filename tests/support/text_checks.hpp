// Small text predicates the tests share when they look at files and messages: substring tests,
// counts of a substring, counts of lines with a prefix, CSV text and files split into fields.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/text.hpp"

namespace lv::test {

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Occurrences of `needle` in `text`, overlapping ones included.
inline int count_occurrences(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

inline int count_lines_starting(const std::string& text, const std::string& prefix) {
  std::istringstream lines(text);
  int count = 0;
  for (std::string line; std::getline(lines, line);) count += line.rfind(prefix, 0) == 0;
  return count;
}

// The non-empty lines of CSV text, each split on ',' (empty fields kept).
inline std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  for (const std::string& line : lv::split(text, '\n')) {
    if (!line.empty()) rows.push_back(lv::split(line, ','));
  }
  return rows;
}

// Every line of a CSV file split on ',' (a trailing ',' gives an empty last field).
inline std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream file(path);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(file, line);) {
    std::vector<std::string> fields;
    std::stringstream stream(line);
    for (std::string field; std::getline(stream, field, ',');) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    rows.push_back(fields);
  }
  return rows;
}

}  // namespace lv::test
