// The KKT picture of a constrained run at its playback point (GL-free, tested directly): the
// objective's gradient ∇f and each constraint's multiplier-weighted gradient λ_i ∇g_i (they
// cancel at a KKT point: ∇f + Σ λ_i ∇g_i = 0), which constraints are active, and the KKT
// residuals (lv::check_kkt, Nocedal & Wright Theorem 12.1).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "constraints/kkt.hpp"

namespace lv::app {

struct AppState;

struct KktView {
  Vec point;
  Vec gradient;               // ∇f at the point
  std::vector<Vec> weighted;  // λ_i ∇g_i per constraint (zero for inactive ones)
  KktReport report;
};

// Residuals below this (relative to 1 + ‖∇f‖ for stationarity) count as satisfied in the app.
inline constexpr double k_kkt_tolerance = 1e-5;

// The KKT view of optimizer slot `slot` at the playback step; nothing without constraints, a
// trajectory, or a finite point.
std::optional<KktView> kkt_view(const AppState& state, size_t slot);
// The same at the run's last point (the race keeps it: RunState::final_kkt).
std::optional<KktView> final_kkt_view(const AppState& state, size_t slot);

// One line for the readout: "KKT holds: λ = 2, 0 · ‖∇L‖ 3e-09 · violation 0" ("short of KKT"
// when not satisfied; "infeasible" leads when a constraint is violated).
std::string kkt_line(const KktView& view);

}  // namespace lv::app
