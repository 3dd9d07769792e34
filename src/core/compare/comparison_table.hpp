// The comparison's results as a table: each optimizer's best setting as text, its steps-to-target
// summary and the CSV that `lossviz-cli compare --out FILE.csv` and the app's Compare panel write
// (docs/compare.md), so both give the same file for the same comparison.
#pragma once

#include <string>

#include "compare/comparison.hpp"

namespace lv {

// "lr=0.00121 momentum=0.9": the tuned parameters at the best setting, 3 significant digits.
std::string best_setting_text(const ContestantResult& result);

struct TargetSummary {
  double median_steps =
      0.0;          // median steps to the target over the runs that reached it (NaN: none)
  int reached = 0;  // held-out runs that reached the target
};
TargetSummary target_summary(const ContestantResult& result);

// Header "optimizer,best_setting,median,q1,q3,diverged,runs,median_steps_to_target,
// reached_target", one row per optimizer, numbers exact (%.17g).
std::string comparison_csv(const Comparison& comparison);

}  // namespace lv
