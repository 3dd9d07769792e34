#include "io/trajectory_csv_reader.hpp"

#include <cctype>
#include <cmath>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv {

namespace {

const char* const k_fixed_columns[] = {"step", "loss", "grad_norm", "update_norm", "lr"};
constexpr int k_fixed_count = 5;

std::string strip(std::string line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

struct CsvHeader {
  int dimension = 0;  // the columns x0, x1, ... after the fixed ones
  int columns = 0;    // every column, including named ones added after the point (epoch, ...)
};

CsvHeader check_header(const std::string& line, const std::string& source) {
  const std::vector<std::string> names = split(strip(line), ',');
  for (int k = 0; k < k_fixed_count; ++k) {
    if (k >= static_cast<int>(names.size()) || names[k] != k_fixed_columns[k]) {
      throw InputError(
          "'" + source +
          "' line 1: expected the header step,loss,grad_norm,update_norm,lr,x0,x1,...");
    }
  }
  // The point's columns x0, x1, ... end at the first other name: columns added at the end
  // (docs/architecture.md §4.3, e.g. a mini-batch run's epoch) are read past.
  CsvHeader header{0, static_cast<int>(names.size())};
  while (k_fixed_count + header.dimension < header.columns &&
         names[k_fixed_count + header.dimension] == "x" + std::to_string(header.dimension)) {
    ++header.dimension;
  }
  if (header.dimension < 2) {
    throw InputError("'" + source + "' line 1: needs at least the columns x0,x1");
  }
  for (int k = k_fixed_count + header.dimension; k < header.columns; ++k) {
    if (names[k].empty() || (names[k][0] == 'x' && names[k].size() > 1 &&
                             std::isdigit(static_cast<unsigned char>(names[k][1])))) {
      throw InputError("'" + source + "' line 1: column " + std::to_string(k + 1) + " should be x" +
                       std::to_string(header.dimension));
    }
  }
  return header;
}

}  // namespace

Trajectory parse_trajectory_csv(const std::string& text, const std::string& source) {
  const std::vector<std::string> lines = split(text, '\n');
  if (lines.empty() || strip(lines.front()).empty()) throw InputError("'" + source + "' is empty");
  const CsvHeader header = check_header(lines.front(), source);
  const int dimension = header.dimension;
  Trajectory trajectory(dimension);
  for (size_t row = 1; row < lines.size(); ++row) {
    const std::string line = strip(lines[row]);
    if (line.empty()) continue;
    const std::vector<std::string> fields = split(line, ',');
    const std::string where = "'" + source + "' line " + std::to_string(row + 1);
    if (static_cast<int>(fields.size()) != header.columns) {
      throw InputError(where + ": expected " + std::to_string(header.columns) + " fields, got " +
                       std::to_string(fields.size()));
    }
    std::vector<double> numbers;
    for (size_t column = 0; column < fields.size(); ++column) {
      const auto value = parse_double(fields[column]);
      if (!value)
        throw InputError(where + " column " + std::to_string(column + 1) + ": '" + fields[column] +
                         "' is not a number");
      numbers.push_back(*value);
    }
    Vec point(dimension);
    for (int k = 0; k < dimension; ++k) point[k] = numbers[k_fixed_count + k];
    if (!std::isfinite(numbers[1]) || !point.allFinite()) {
      trajectory.status = RunStatus::Diverged;
      trajectory.diverged_step = static_cast<int>(numbers[0]);
      trajectory.status_reason = "non-finite value in the file";
      return trajectory;
    }
    trajectory.append(point, numbers[1], numbers[2], numbers[3], numbers[4], 0);
  }
  trajectory.status = RunStatus::MaxSteps;
  return trajectory;
}

}  // namespace lv
