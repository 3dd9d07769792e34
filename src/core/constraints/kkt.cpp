#include "constraints/kkt.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

#include "common/text.hpp"

namespace lv {

KktReport check_kkt(const Objective& objective, const ConstraintSet& constraints, const Vec& x,
                    double tolerance) {
  const int m = constraints.size();
  KktReport report;
  report.multipliers = Vec::Zero(m);
  report.active.assign(static_cast<size_t>(m), false);
  const Vec objective_gradient = objective.gradient(x);

  std::vector<int> active_indices;
  std::vector<Vec> gradients;
  for (int i = 0; i < m; ++i) {
    const ConstraintEvaluation c = constraints.evaluate(i, x);
    gradients.push_back(c.gradient);
    const bool equality =
        constraints.constraints()[static_cast<size_t>(i)].kind == ConstraintKind::Equality;
    report.primal_violation = std::max(report.primal_violation, constraints.violation(i, x));
    if (equality || std::abs(c.value) <= tolerance) {
      report.active[static_cast<size_t>(i)] = true;
      active_indices.push_back(i);
    }
  }
  // Multipliers of the active constraints: least squares min ‖∇f + J_Aᵀ λ_A‖.
  if (!active_indices.empty()) {
    Mat jacobian_transpose(x.size(), static_cast<Eigen::Index>(active_indices.size()));
    for (size_t k = 0; k < active_indices.size(); ++k) {
      jacobian_transpose.col(static_cast<Eigen::Index>(k)) =
          gradients[static_cast<size_t>(active_indices[k])];
    }
    const Vec active_multipliers =
        jacobian_transpose.colPivHouseholderQr().solve(-objective_gradient);
    for (size_t k = 0; k < active_indices.size(); ++k) {
      report.multipliers[active_indices[k]] = active_multipliers[static_cast<Eigen::Index>(k)];
    }
  }
  Vec lagrangian_gradient = objective_gradient;
  for (int i = 0; i < m; ++i) {
    lagrangian_gradient += report.multipliers[i] * gradients[static_cast<size_t>(i)];
    if (constraints.constraints()[static_cast<size_t>(i)].kind == ConstraintKind::Inequality) {
      report.dual_violation = std::max(report.dual_violation, -report.multipliers[i]);
      report.complementarity = std::max(report.complementarity,
                                        std::abs(report.multipliers[i] * constraints.value(i, x)));
    }
  }
  report.stationarity = lagrangian_gradient.norm();
  report.satisfied = report.stationarity <= tolerance * (1.0 + objective_gradient.norm()) &&
                     report.primal_violation <= tolerance && report.dual_violation <= tolerance &&
                     report.complementarity <= tolerance;
  return report;
}

std::string KktReport::summary(const ConstraintSet& constraints) const {
  std::string text = std::string(satisfied ? "KKT satisfied" : "KKT not satisfied") +
                     ": stationarity " + format_general(stationarity) + ", violation " +
                     format_general(primal_violation);
  for (int i = 0; i < constraints.size(); ++i) {
    text += "; '" + constraints.constraints()[static_cast<size_t>(i)].text + "' " +
            (active[static_cast<size_t>(i)] ? "active" : "inactive") + ", multiplier " +
            format_general(multipliers[i]);
  }
  return text;
}

}  // namespace lv
