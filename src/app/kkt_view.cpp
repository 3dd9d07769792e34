#include "kkt_view.hpp"

#include <cmath>
#include <cstdio>

#include "app_state.hpp"
#include "common/text.hpp"
#include "curvature_view.hpp"
#include "objective/formula_objective.hpp"

namespace lv::app {
namespace {

std::optional<KktView> kkt_at(const AppState& state, const Vec& point) {
  if (!point.allFinite()) return std::nullopt;
  const FormulaObjective objective(state.function.expr);
  KktView view;
  view.point = point;
  view.report = check_kkt(objective, state.function.constraints, point, k_kkt_tolerance);
  objective.value_gradient(point, view.gradient);
  const ConstraintSet& constraints = state.function.constraints;
  for (int i = 0; i < constraints.size(); ++i) {
    const ConstraintEvaluation evaluation = constraints.evaluate(i, point);
    view.weighted.push_back(view.report.multipliers[i] * evaluation.gradient.head(2));
  }
  return view;
}

}  // namespace

std::optional<KktView> kkt_view(const AppState& state, size_t slot) {
  if (state.function.constraints.empty() || slot >= state.run.trajectories.size()) {
    return std::nullopt;
  }
  const Trajectory& trajectory = state.run.trajectories[slot];
  if (trajectory.empty()) return std::nullopt;
  const int row = playback_row(trajectory, state.playback.step);
  const auto x = trajectory.x(row);
  Vec point(2);
  point << x[0], x[1];
  return kkt_at(state, point);
}

std::optional<KktView> final_kkt_view(const AppState& state, size_t slot) {
  if (state.function.constraints.empty() || slot >= state.run.trajectories.size()) {
    return std::nullopt;
  }
  const Trajectory& trajectory = state.run.trajectories[slot];
  if (trajectory.empty()) return std::nullopt;
  const auto x = trajectory.x(trajectory.size() - 1);
  Vec point(2);
  point << x[0], x[1];
  return kkt_at(state, point);
}

std::string kkt_line(const KktView& view) {
  const KktReport& report = view.report;
  std::string text = report.primal_violation > k_kkt_tolerance ? "infeasible, " : "";
  text += report.satisfied ? "KKT holds: \u03bb = " : "short of KKT: \u03bb = ";
  for (int i = 0; i < report.multipliers.size(); ++i) {
    if (i > 0) text += ", ";
    char number[32];
    std::snprintf(number, sizeof number, "%.3g", report.multipliers[i]);
    text += number;
  }
  char rest[96];
  std::snprintf(rest, sizeof rest, "  \u00b7 \u2016\u2207L\u2016 %.2g \u00b7 violation %.2g",
                report.stationarity, report.primal_violation);
  return with_minus_sign(text + rest);
}

}  // namespace lv::app
