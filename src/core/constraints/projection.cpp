#include "constraints/projection.hpp"

#include <Eigen/Dense>
#include <cmath>

namespace lv {

Vec project_box(const Vec& x, const Vec& lower, const Vec& upper) {
  return x.cwiseMax(lower).cwiseMin(upper);
}

Vec project_ball(const Vec& x, const Vec& center, double radius) {
  const Vec offset = x - center;
  const double distance = offset.norm();
  return distance <= radius ? x : Vec(center + radius / distance * offset);
}

Vec project_half_space(const Vec& x, const Vec& normal, double offset) {
  const double excess = normal.dot(x) - offset;
  return excess <= 0.0 ? x : Vec(x - excess / normal.squaredNorm() * normal);
}

namespace {

// Residual of the projection's KKT system F(z, λ) = (z − x + λ∇g(z), g(z)).
Vec kkt_residual(const ConstraintSet& constraints, int index, const Vec& x, const Vec& z,
                 double multiplier) {
  const ConstraintEvaluation c = constraints.evaluate(index, z);
  Vec residual(z.size() + 1);
  residual.head(z.size()) = z - x + multiplier * c.gradient;
  residual[z.size()] = c.value;
  return residual;
}

}  // namespace

ProjectionResult project_onto_constraint(const ConstraintSet& constraints, int index,
                                         const Vec& x) {
  const bool equality =
      constraints.constraints()[static_cast<size_t>(index)].kind == ConstraintKind::Equality;
  const double start_value = constraints.value(index, x);
  if (start_value == 0.0 || (!equality && start_value < 0.0)) return {x, true, 0};
  const Eigen::Index n = x.size();
  Vec z = x;
  double multiplier = 0.0;
  Vec residual = kkt_residual(constraints, index, x, z, multiplier);
  constexpr int k_max_iterations = 100;
  for (int iteration = 1; iteration <= k_max_iterations; ++iteration) {
    const ConstraintEvaluation c = constraints.evaluate(index, z);
    // Newton on F: [I + λ∇²g, ∇g; ∇gᵀ, 0] (Δz, Δλ) = −F
    Mat jacobian = Mat::Zero(n + 1, n + 1);
    jacobian.topLeftCorner(n, n) = Mat::Identity(n, n) + multiplier * c.hessian;
    jacobian.block(0, n, n, 1) = c.gradient;
    jacobian.block(n, 0, 1, n) = c.gradient.transpose();
    const Vec delta = jacobian.colPivHouseholderQr().solve(-residual);
    // Backtrack on ‖F‖ so a curved boundary far from x does not throw the iterate away.
    double step = 1.0;
    Vec trial_z;
    double trial_multiplier = 0.0;
    Vec trial_residual;
    for (int halving = 0; halving < 40; ++halving, step *= 0.5) {
      trial_z = z + step * delta.head(n);
      trial_multiplier = multiplier + step * delta[n];
      trial_residual = kkt_residual(constraints, index, x, trial_z, trial_multiplier);
      if (trial_residual.allFinite() && trial_residual.norm() < residual.norm()) break;
    }
    z = trial_z;
    multiplier = trial_multiplier;
    residual = trial_residual;
    if (residual.norm() <= 1e-13 * (1.0 + x.norm())) return {z, true, iteration};
  }
  return {z, false, k_max_iterations};
}

ProjectionResult project(const ConstraintSet& constraints, const Vec& x, double tolerance,
                         int max_sweeps) {
  const int m = constraints.size();
  if (m == 1) return project_onto_constraint(constraints, 0, x);
  // Dykstra: y = P_i(z + p_i); p_i ← z + p_i − y; z ← y, cycling over the sets.
  std::vector<Vec> increments(static_cast<size_t>(m), Vec::Zero(x.size()));
  Vec z = x;
  for (int sweep = 1; sweep <= max_sweeps; ++sweep) {
    const Vec previous = z;
    for (int i = 0; i < m; ++i) {
      Vec& increment = increments[static_cast<size_t>(i)];
      const Vec shifted = z + increment;
      z = project_onto_constraint(constraints, i, shifted).point;
      increment = shifted - z;
    }
    if ((z - previous).norm() <= tolerance * (1.0 + z.norm()) &&
        constraints.max_violation(z) <= 1e-9) {
      return {z, true, sweep};
    }
  }
  return {z, false, max_sweeps};
}

}  // namespace lv
