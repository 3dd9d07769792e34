#include "constraints/projection.hpp"

#include <Eigen/Dense>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>

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

// The nearest boundary point of a convex set {g <= 0} in the plane, for x outside it, without
// derivatives: from an interior point c (the lowest g on a grid around x), the boundary along each
// direction θ by bisection (its feasible end, so the result is feasible by construction), then
// the distance to x minimized over θ: 360 directions, then golden-section search in the best
// bracket. Exact for convex (indeed star-shaped about c) sets, non-smooth ones included (an L1
// ball's corner is found where Newton on the KKT system fails for want of a gradient).
std::optional<Vec> project_by_rays(const ConstraintSet& constraints, int index, const Vec& x) {
  if (x.size() != 2) return std::nullopt;
  const auto g = [&](double px, double py) {
    Vec point(2);
    point << px, py;
    return constraints.value(index, point);
  };
  // An interior point: the lowest g on grids of growing radius around x (and the origin).
  double best = g(0.0, 0.0);
  Vec center = Vec::Zero(2);
  for (double radius : {1.0, 10.0, 100.0, 1e3}) {
    constexpr int k_side = 40;
    for (int i = 0; i <= k_side; ++i) {
      for (int j = 0; j <= k_side; ++j) {
        const double px = x[0] + radius * (2.0 * i / k_side - 1.0);
        const double py = x[1] + radius * (2.0 * j / k_side - 1.0);
        const double value = g(px, py);
        if (value < best) best = value, center << px, py;
      }
    }
    if (best < 0.0) break;
  }
  if (!(best < 0.0)) return std::nullopt;  // no interior found: empty or thin set
  // The boundary along direction θ (its feasible end), and its distance to x.
  const auto boundary = [&](double theta, Vec& point) {
    const double ux = std::cos(theta), uy = std::sin(theta);
    double inside = 0.0, outside = 1e-3;
    while (g(center[0] + outside * ux, center[1] + outside * uy) <= 0.0) {
      inside = outside;
      outside *= 2.0;
      if (outside > 1e9) return std::numeric_limits<double>::infinity();  // unbounded this way
    }
    for (int k = 0; k < 80; ++k) {
      const double middle = 0.5 * (inside + outside);
      (g(center[0] + middle * ux, center[1] + middle * uy) <= 0.0 ? inside : outside) = middle;
    }
    point.resize(2);
    point << center[0] + inside * ux, center[1] + inside * uy;
    return (point - x).norm();
  };
  constexpr int k_directions = 360;
  const double step = 2.0 * std::numbers::pi / k_directions;
  Vec point;
  int best_direction = 0;
  double best_distance = std::numeric_limits<double>::infinity();
  for (int k = 0; k < k_directions; ++k) {
    const double distance = boundary(k * step, point);
    if (distance < best_distance) best_distance = distance, best_direction = k;
  }
  if (!std::isfinite(best_distance)) return std::nullopt;
  // Golden-section search for the smallest distance within one step either side.
  double low = (best_direction - 1) * step, high = (best_direction + 1) * step;
  const double ratio = 0.5 * (std::sqrt(5.0) - 1.0);
  double a = high - ratio * (high - low), b = low + ratio * (high - low);
  double at_a = boundary(a, point), at_b = boundary(b, point);
  for (int k = 0; k < 60; ++k) {
    if (at_a <= at_b) {
      high = b, b = a, at_b = at_a;
      a = high - ratio * (high - low);
      at_a = boundary(a, point);
    } else {
      low = a, a = b, at_a = at_b;
      b = low + ratio * (high - low);
      at_b = boundary(b, point);
    }
  }
  boundary(0.5 * (low + high), point);
  return point;
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
  int iterations = 0;
  for (int iteration = 1; iteration <= k_max_iterations; ++iteration) {
    iterations = iteration;
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
    if (residual.norm() <= 1e-13 * (1.0 + x.norm())) break;
  }
  // Newton's answer stands when it is feasible and stationary; a non-smooth boundary (a corner,
  // abs()) or a failed solve falls back to the derivative-free search over the boundary.
  const bool solved = residual.norm() <= 1e-10 * (1.0 + x.norm()) && z.allFinite() &&
                      constraints.violation(index, z) <= 1e-12 * (1.0 + x.norm());
  if (solved) return {z, true, iterations};
  if (!equality) {
    if (const std::optional<Vec> point = project_by_rays(constraints, index, x)) {
      return {*point, true, iterations};
    }
  }
  return {z, false, iterations};
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
