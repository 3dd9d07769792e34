// Small text predicates the tests share when they look at files and messages: substring tests,
// counts of a substring, counts of lines with a prefix.
#pragma once

#include <sstream>
#include <string>

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

}  // namespace lv::test
