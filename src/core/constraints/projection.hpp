// Euclidean projections onto feasible sets: closed forms for a box, a ball and a half-space, a
// Newton solver for the boundary of one smooth constraint, and Dykstra's alternating projections
// for the intersection of several (Boyle & Dykstra 1986).
#pragma once

#include "constraints/constraint_set.hpp"

namespace lv {

Vec project_box(const Vec& x, const Vec& lower, const Vec& upper);
Vec project_ball(const Vec& x, const Vec& center, double radius);
// {z : aᵀz <= b}
Vec project_half_space(const Vec& x, const Vec& normal, double offset);

struct ProjectionResult {
  Vec point;
  bool converged = false;
  int iterations = 0;
};

// argmin ‖z − x‖ over {g_i(z) <= 0} (or {h_i(z) = 0}) for one constraint: the KKT system
// z − x + λ∇g(z) = 0, g(z) = 0 solved by damped Newton from (x, 0); x itself when feasible.
// Exact in one step for an affine constraint (the half-space formula). Where Newton does not
// reach a feasible stationary point (a non-smooth boundary such as |x| + |y| <= 1, whose corners
// have no gradient), a 2D inequality is projected without derivatives: bisection for the
// boundary along rays from an interior point and a search over the ray angle for the nearest
// boundary point — feasible by construction, exact for convex sets (docs/optim.md).
ProjectionResult project_onto_constraint(const ConstraintSet& constraints, int index, const Vec& x);

// Projection onto the intersection of all constraints by Dykstra's algorithm (converges to the
// projection for convex sets; for non-convex ones, e.g. a curved equality, to a nearby feasible
// point).
ProjectionResult project(const ConstraintSet& constraints, const Vec& x, double tolerance = 1e-12,
                         int max_sweeps = 500);

}  // namespace lv
