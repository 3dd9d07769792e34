#include "io/trajectory_csv_reader.hpp"

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

int check_header(const std::string& line, const std::string& source) {
  const std::vector<std::string> names = split(strip(line), ',');
  for (int k = 0; k < k_fixed_count; ++k) {
    if (k >= static_cast<int>(names.size()) || names[k] != k_fixed_columns[k]) {
      throw InputError(
          "'" + source +
          "' line 1: expected the header step,loss,grad_norm,update_norm,lr,x0,x1,...");
    }
  }
  // x0, x1, ... follow lr; columns after them (param_norm, ...) are added at the end of the
  // contract (docs/architecture.md §4.3) and not needed here.
  int dimension = 0;
  while (k_fixed_count + dimension < static_cast<int>(names.size()) &&
         names[k_fixed_count + dimension] == "x" + std::to_string(dimension)) {
    ++dimension;
  }
  if (dimension < 2) throw InputError("'" + source + "' line 1: needs at least the columns x0,x1");
  return dimension;
}

}  // namespace

Trajectory parse_trajectory_csv(const std::string& text, const std::string& source) {
  const std::vector<std::string> lines = split(text, '\n');
  if (lines.empty() || strip(lines.front()).empty()) throw InputError("'" + source + "' is empty");
  const int dimension = check_header(lines.front(), source);
  const int columns = static_cast<int>(split(strip(lines.front()), ',').size());
  Trajectory trajectory(dimension);
  for (size_t row = 1; row < lines.size(); ++row) {
    const std::string line = strip(lines[row]);
    if (line.empty()) continue;
    const std::vector<std::string> fields = split(line, ',');
    const std::string where = "'" + source + "' line " + std::to_string(row + 1);
    if (static_cast<int>(fields.size()) != columns) {
      throw InputError(where + ": expected " + std::to_string(columns) + " fields, got " +
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
