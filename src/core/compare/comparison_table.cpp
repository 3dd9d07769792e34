#include "compare/comparison_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/quantile.hpp"
#include "common/text.hpp"

namespace lv {
namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled (labels are
// free text in the app).
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

std::string best_setting_text(const ContestantResult& result) {
  std::string text;
  for (size_t k = 0; k < result.tuned.size() && k < result.best_setting.size(); ++k) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s%s=%.3g", k ? " " : "", result.tuned[k].name.c_str(),
                  result.best_setting[k]);
    text += buffer;
  }
  return text;
}

TargetSummary target_summary(const ContestantResult& result) {
  std::vector<double> reached;
  for (int steps : result.steps_to_target) {
    if (steps >= 0) reached.push_back(steps);
  }
  std::sort(reached.begin(), reached.end());
  return {quantile_sorted(reached, 0.5), static_cast<int>(reached.size())};
}

std::string comparison_csv(const Comparison& comparison) {
  std::string csv =
      "optimizer,best_setting,median,q1,q3,diverged,runs,median_steps_to_target,reached_target\n";
  for (const ContestantResult& result : comparison.results) {
    const TargetSummary target = target_summary(result);
    csv += csv_field(result.label) + "," + csv_field(best_setting_text(result)) + "," +
           format_exact(result.median) + "," + format_exact(result.lower_quartile) + "," +
           format_exact(result.upper_quartile) + "," + std::to_string(result.diverged) + "," +
           std::to_string(result.final_losses.size()) + "," +
           (std::isnan(target.median_steps) ? std::string() : format_exact(target.median_steps)) +
           "," + std::to_string(target.reached) + "\n";
  }
  return csv;
}

}  // namespace lv
