// Constraints: parsing into g <= 0 / h = 0, projections against their closed forms, the KKT
// checker and the constrained methods on problems with known KKT points:
//   P1: min x² + y² s.t. x + y >= 1 → (½, ½), λ = 1 (by hand: 2x = λ, 2y = λ, x + y = 1).
//   P2: min (x − 2)² + (y − 1)² s.t. x² <= y, x + y <= 2 → (1, 1), λ = (⅔, ⅔) (by hand: both
//       active, (−2, 0) + λ1(2, −1) + λ2(1, 1) = 0).
//   P3: min x + y s.t. x² + y² = 2 → (−1, −1), ν = ½ (Nocedal & Wright 2006, Example 12.1;
//       (1, 1) + ν(−2, −2) = 0).
//   LP: min −x − 2y s.t. x + y <= 4, x <= 3, y <= 3, x >= 0, y >= 0 → the vertex (1, 3),
//       λ = (1, 0, 1, 0, 0) (by hand: (−1, −2) + λ1(1, 1) + λ3(0, 1) = 0).
//   L1: min (x − 2)² + (y − ½)² over the L1 ball |x| + |y| <= 1 written as its four half-planes
//       → the corner (1, 0), an exact zero as the lasso makes; λ = (3/2, ½, 0, 0) (by hand:
//       (−2, −1) + λ1(1, 1) + λ2(1, −1) = 0).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "common/errors.hpp"
#include "constraints/constrained_objective.hpp"
#include "constraints/kkt.hpp"
#include "constraints/projection.hpp"
#include "objective/formula_objective.hpp"
#include "optim/admm.hpp"
#include "optim/augmented_lagrangian.hpp"
#include "optim/registry.hpp"
#include "run/runner.hpp"

using lv::ConstraintSet;
using lv::Vec;

namespace {

lv::FormulaObjective formula(const char* text) {
  return lv::FormulaObjective(lv::Expr::parse(text));
}

ConstraintSet constraint_set(std::initializer_list<const char*> texts) {
  ConstraintSet set;
  for (const char* text : texts) set.add(text);
  return set;
}

struct Problem {
  lv::FormulaObjective objective;
  ConstraintSet constraints;
  Vec solution;
  Vec multipliers;
  Vec feasible_start;
};

Problem p1() {
  return {formula("x^2 + y^2"), constraint_set({"x + y >= 1"}), Vec{{0.5, 0.5}}, Vec{{1.0}},
          Vec{{2.0, 2.0}}};
}
Problem p2() {
  return {formula("(x - 2)^2 + (y - 1)^2"), constraint_set({"x^2 <= y", "x + y <= 2"}),
          Vec{{1.0, 1.0}}, Vec{{2.0 / 3.0, 2.0 / 3.0}}, Vec{{0.0, 1.0}}};
}
Problem p3() {
  return {formula("x + y"), constraint_set({"x^2 + y^2 = 2"}), Vec{{-1.0, -1.0}}, Vec{{0.5}},
          Vec{{-2.0, 0.0}}};
}

Problem linear_program() {
  return {formula("-x - 2*y"),
          constraint_set({"x + y <= 4", "x <= 3", "y <= 3", "x >= 0", "y >= 0"}), Vec{{1.0, 3.0}},
          Vec{{1.0, 0.0, 1.0, 0.0, 0.0}}, Vec{{0.5, 0.5}}};
}
Problem l1_ball() {
  return {formula("(x - 2)^2 + (y - 0.5)^2"),
          constraint_set({"x + y <= 1", "x - y <= 1", "-x + y <= 1", "-x - y <= 1"}),
          Vec{{1.0, 0.0}}, Vec{{1.5, 0.5, 0.0, 0.0}}, Vec{{0.1, 0.1}}};
}

lv::Trajectory solve(const char* method,
                     std::initializer_list<std::pair<const char*, const char*>> settings,
                     const lv::ConstrainedObjective& objective, const Vec& x0, int steps) {
  auto optimizer = lv::make_optimizer(method);
  for (const auto& [name, value] : settings)
    optimizer->set_hyperparameter(name, std::string_view(value));
  lv::RunSettings run;
  run.max_steps = steps;
  run.gradient_tolerance = 0.0;
  return lv::run_optimizer(objective, *optimizer, nullptr, x0, run);
}

Vec last(const lv::Trajectory& trajectory) {
  return trajectory.x(trajectory.size() - 1);
}

void check_solves(const Problem& problem, const Vec& x, double tolerance) {
  INFO("reached (" << x.transpose() << ")");
  CHECK((x - problem.solution).norm() < tolerance);
  const lv::KktReport report = lv::check_kkt(problem.objective, problem.constraints, x, 1e-5);
  CHECK(report.satisfied);
  CHECK((report.multipliers - problem.multipliers).norm() < 1e-4);
}

}  // namespace

TEST_CASE("ConstraintSet: normal forms g <= 0 and h = 0") {
  const ConstraintSet set = constraint_set({"x + y >= 1", "x^2 <= y", "x - y == 0.5", "x*y = 1"});
  CHECK(set.size() == 4);
  CHECK(set.value(0, Vec{{0.0, 0.0}}) == 1.0);  // 1 − (x + y)
  CHECK(set.value(1, Vec{{2.0, 1.0}}) == 3.0);  // x² − y
  CHECK(set.value(2, Vec{{1.0, 0.0}}) == 0.5);  // x − y − 0.5
  CHECK(set.constraints()[0].kind == lv::ConstraintKind::Inequality);
  CHECK(set.constraints()[3].kind == lv::ConstraintKind::Equality);
  CHECK(set.max_violation(Vec{{1.0, 1.0}}) == 0.5);  // only x − y = 0.5 fails, by 0.5
  const lv::ConstraintEvaluation c = set.evaluate(1, Vec{{3.0, 1.0}});
  CHECK(c.gradient == Vec{{6.0, -1.0}});
  CHECK(c.hessian(0, 0) == 2.0);
}

TEST_CASE("ConstraintSet: malformed constraints are input errors naming the problem") {
  ConstraintSet set;
  CHECK_THROWS_WITH_AS(set.add("x + y"), doctest::Contains("expected exactly one of <=, >=, ="),
                       lv::InputError);
  CHECK_THROWS_WITH_AS(set.add("x < 1"), doctest::Contains("strict '<' is not supported"),
                       lv::InputError);
  CHECK_THROWS_WITH_AS(set.add("0 <= x <= 1"), doctest::Contains("exactly one"), lv::InputError);
  CHECK_THROWS_WITH_AS(set.add("x + * y <= 1"), doctest::Contains("left side"), lv::InputError);
  CHECK_THROWS_WITH_AS(set.add("x <= sinn(y)"), doctest::Contains("right side (starting at col 5)"),
                       lv::InputError);
  const auto objective = formula("x^2 + y^2");
  CHECK_THROWS_AS(lv::ConstrainedObjective(objective, constraint_set({"x3 <= 1"})), lv::InputError);
}

TEST_CASE("projections: closed forms, the general solver and Dykstra agree") {
  CHECK(lv::project_ball(Vec{{3.0, 4.0}}, Vec::Zero(2), 2.0).isApprox(Vec{{1.2, 1.6}}));
  CHECK(lv::project_half_space(Vec{{2.0, 2.0}}, Vec{{1.0, 1.0}}, 1.0).isApprox(Vec{{0.5, 0.5}}));
  CHECK(lv::project_box(Vec{{3.0, -0.5}}, Vec{{-1.0, -1.0}}, Vec{{1.0, 1.0}}) == Vec{{1.0, -0.5}});

  const auto ball = lv::project(constraint_set({"x^2 + y^2 <= 4"}), Vec{{3.0, 4.0}});
  CHECK(ball.converged);
  CHECK((ball.point - Vec{{1.2, 1.6}}).norm() < 1e-12);
  const auto half_space = lv::project(constraint_set({"x + y <= 1"}), Vec{{2.0, 2.0}});
  CHECK(half_space.iterations == 1);  // affine: one Newton step is the closed form
  CHECK((half_space.point - Vec{{0.5, 0.5}}).norm() < 1e-14);
  const auto box =
      lv::project(constraint_set({"x <= 1", "x >= -1", "y <= 1", "y >= -1"}), Vec{{3.0, -0.5}});
  CHECK((box.point - Vec{{1.0, -0.5}}).norm() < 1e-14);
  // Ball ∩ {x <= 1} from (3, 3): the corner (1, √3), where the KKT multipliers (0.366, 1.268)
  // are both positive.
  const auto corner = lv::project(constraint_set({"x^2 + y^2 <= 4", "x <= 1"}), Vec{{3.0, 3.0}});
  CHECK(corner.converged);
  CHECK((corner.point - Vec{{1.0, std::sqrt(3.0)}}).norm() < 1e-8);
  const Vec inside{{0.1, 0.2}};
  CHECK(lv::project(constraint_set({"x^2 + y^2 <= 4"}), inside).point == inside);
}

TEST_CASE("check_kkt: multipliers and active sets at known solutions; failures are reported") {
  const Problem one = p1();
  const auto at_solution = lv::check_kkt(one.objective, one.constraints, one.solution);
  CHECK(at_solution.satisfied);
  CHECK(at_solution.active[0]);
  CHECK(at_solution.multipliers[0] == doctest::Approx(1.0));
  const auto elsewhere = lv::check_kkt(one.objective, one.constraints, Vec{{1.0, 0.0}});
  CHECK_FALSE(elsewhere.satisfied);
  CHECK(elsewhere.stationarity > 0.5);

  const Problem two = p2();
  const auto corner = lv::check_kkt(two.objective, two.constraints, two.solution);
  CHECK(corner.satisfied);
  CHECK(corner.multipliers[0] == doctest::Approx(2.0 / 3.0));
  CHECK(corner.multipliers[1] == doctest::Approx(2.0 / 3.0));

  const Problem three = p3();
  CHECK(lv::check_kkt(three.objective, three.constraints, three.solution).multipliers[0] ==
        doctest::Approx(0.5));
  // (1, 1) is stationary for the equality too, but it is the maximizer: ν = −½ is allowed for an
  // equality, so first-order KKT holds there as well.
  CHECK(lv::check_kkt(three.objective, three.constraints, Vec{{1.0, 1.0}}).satisfied);

  // Inactive constraint: λ = 0. Wrong-signed multiplier: x + y <= 1 at (½, ½) needs λ = −1.
  const auto unconstrained = lv::check_kkt(one.objective, constraint_set({"x <= 5"}), Vec::Zero(2));
  CHECK(unconstrained.satisfied);
  CHECK_FALSE(unconstrained.active[0]);
  const auto wrong_sign =
      lv::check_kkt(one.objective, constraint_set({"x + y <= 1"}), Vec{{0.5, 0.5}});
  CHECK_FALSE(wrong_sign.satisfied);
  CHECK(wrong_sign.dual_violation == doctest::Approx(1.0));
  CHECK(wrong_sign.summary(constraint_set({"x + y <= 1"}))
            .find("'x + y <= 1' active, multiplier -1") != std::string::npos);
}

TEST_CASE("constrained methods reach the KKT points of P1 and P2") {
  for (const Problem& problem : {p1(), p2()}) {
    const lv::ConstrainedObjective objective(problem.objective, problem.constraints);
    check_solves(problem,
                 last(solve("projected", {{"lr", "0.1"}}, objective, problem.feasible_start, 300)),
                 1e-6);
    check_solves(problem, last(solve("penalty", {}, objective, problem.feasible_start, 80)), 1e-6);
    check_solves(problem, last(solve("log_barrier", {}, objective, problem.feasible_start, 80)),
                 1e-6);
    check_solves(problem,
                 last(solve("augmented_lagrangian", {}, objective, problem.feasible_start, 60)),
                 1e-6);
    // Projected gradient from an infeasible start: feasible from the first step on.
    const auto projected = solve("projected", {{"lr", "0.1"}}, objective, Vec{{-3.0, -3.0}}, 300);
    for (int row = 1; row < projected.size(); ++row)
      CHECK(problem.constraints.max_violation(projected.x(row)) < 1e-9);
  }
}

TEST_CASE("every constrained method solves an LP and the L1-ball QP: feasible, KKT, multipliers") {
  for (const Problem& problem : {linear_program(), l1_ball()}) {
    CAPTURE(problem.objective.expr().text());
    const lv::ConstrainedObjective objective(problem.objective, problem.constraints);
    check_solves(problem,
                 last(solve("projected", {{"lr", "0.05"}}, objective, problem.feasible_start, 600)),
                 1e-6);
    check_solves(problem, last(solve("penalty", {}, objective, problem.feasible_start, 120)), 1e-5);
    check_solves(problem, last(solve("log_barrier", {}, objective, problem.feasible_start, 120)),
                 1e-5);
    check_solves(problem,
                 last(solve("augmented_lagrangian", {}, objective, problem.feasible_start, 120)),
                 1e-6);
  }
}

TEST_CASE("augmented_lagrangian's multipliers converge to the KKT multipliers; equalities work") {
  const Problem two = p2();
  const lv::ConstrainedObjective objective(two.objective, two.constraints);
  auto method = lv::make_optimizer("augmented_lagrangian");
  lv::RunSettings run;
  run.max_steps = 60;
  run.gradient_tolerance = 0.0;
  lv::run_optimizer(objective, *method, nullptr, two.feasible_start, run);
  const Vec& multipliers = dynamic_cast<lv::AugmentedLagrangian&>(*method).multipliers();
  CHECK((multipliers - two.multipliers).norm() < 1e-6);

  const Problem three = p3();
  const lv::ConstrainedObjective circle(three.objective, three.constraints);
  check_solves(three, last(solve("augmented_lagrangian", {}, circle, three.feasible_start, 60)),
               1e-6);
  check_solves(three, last(solve("penalty", {}, circle, three.feasible_start, 100)), 1e-6);
  check_solves(three, last(solve("projected", {{"lr", "0.1"}}, circle, three.feasible_start, 300)),
               1e-6);
}

TEST_CASE("failure case: the penalty method's iterates stay infeasible by O(1/μ)") {
  // For P1 the penalized minimizer is x = y = μ/(2(μ + 1)): infeasible by 1/(μ + 1) > 0.
  const Problem one = p1();
  const lv::ConstrainedObjective objective(one.objective, one.constraints);
  const Vec x =
      last(solve("penalty", {{"mu_growth", "1"}, {"mu", "9"}}, objective, one.feasible_start, 40));
  CHECK(x[0] == doctest::Approx(9.0 / 20.0));
  CHECK(one.constraints.max_violation(x) == doctest::Approx(0.1));
}

TEST_CASE("constrained methods reject what they cannot handle with a clear message") {
  const Problem one = p1();
  const lv::ConstrainedObjective objective(one.objective, one.constraints);
  CHECK_THROWS_WITH_AS(solve("log_barrier", {}, objective, Vec::Zero(2), 5),
                       doctest::Contains("strictly feasible start: 'x + y >= 1' has g = 1"),
                       lv::InputError);
  const Problem three = p3();
  const lv::ConstrainedObjective circle(three.objective, three.constraints);
  CHECK_THROWS_WITH_AS(solve("log_barrier", {}, circle, three.feasible_start, 5),
                       doctest::Contains("inequality constraints only"), lv::InputError);
  const lv::ConstrainedObjective none(one.objective, ConstraintSet());
  CHECK_THROWS_WITH_AS(solve("penalty", {}, none, Vec::Zero(2), 5),
                       doctest::Contains("penalty needs constraints"), lv::InputError);
}

TEST_CASE("admm: the lasso with orthogonal A has the closed form S_λ(Aᵀb), with exact zeros") {
  // A = [[0.6, −0.8], [0.8, 0.6]] (AᵀA = I), b = A·(3, 0.2) so Aᵀb = (3, 0.2):
  // argmin ½‖Ax − b‖² + 0.5‖x‖₁ = S_0.5(3, 0.2) = (2.5, 0) (Tibshirani 1996, orthonormal design).
  const auto lasso = formula("0.5*((0.6*x - 0.8*y - 1.64)^2 + (0.8*x + 0.6*y - 2.52)^2)");
  const Vec z = last(solve("admm", {{"l1", "0.5"}},
                           lv::ConstrainedObjective(lasso, ConstraintSet()), Vec::Zero(2), 200));
  CHECK(z[0] == doctest::Approx(2.5).epsilon(1e-10));
  CHECK(z[1] == 0.0);
}

TEST_CASE("admm: a general lasso satisfies the subgradient optimality conditions") {
  // A = [[1, 2], [3, 4], [5, 6]], b = (1, 1, 2), λ = 1: at x*, ∇f_i = −λ sign(x_i) where x_i ≠ 0
  // and |∇f_i| <= λ where x_i = 0 (Boyd et al. 2011, Sec. 6.4).
  const auto lasso = formula("0.5*((x + 2*y - 1)^2 + (3*x + 4*y - 1)^2 + (5*x + 6*y - 2)^2)");
  auto optimizer = lv::make_optimizer("admm");
  optimizer->set_hyperparameter("l1", 1.0);
  lv::RunSettings run;
  run.max_steps = 2000;
  run.gradient_tolerance = 0.0;
  const lv::ConstrainedObjective objective(lasso, ConstraintSet());
  const Vec x = last(lv::run_optimizer(objective, *optimizer, nullptr, Vec::Zero(2), run));
  const Vec gradient = lasso.gradient(x);
  for (int i = 0; i < 2; ++i) {
    if (x[i] != 0.0) {
      CHECK(gradient[i] == doctest::Approx(-std::copysign(1.0, x[i])).epsilon(1e-6));
    } else {
      CHECK(std::abs(gradient[i]) <= 1.0 + 1e-9);
    }
  }
  // By hand: with x = 0, ∂/∂y = 56y − 18 + λ = 0 → y = 17/56, and |∂f/∂x| = |44y − 14| = 0.643
  // <= 1.
  CHECK(x[0] == 0.0);
  CHECK(x[1] == doctest::Approx(17.0 / 56.0).epsilon(1e-10));
  const auto& admm = dynamic_cast<lv::Admm&>(*optimizer);
  CHECK(admm.primal_residual() < 1e-8);
}

// Non-smooth convex sets typed as one formula: Newton on the KKT system has no gradient at their
// corners, so the derivative-free boundary search must land on the true projection, feasible.
// Truth: the L1-ball projection by soft-thresholding (Duchi et al. 2008), the box by clamping.
TEST_CASE("projection onto an L1 ball and a box given as abs/max formulas is exact and feasible") {
  const ConstraintSet ball = constraint_set({"abs(x) + abs(y) <= 1"});
  const auto soft_threshold = [](const Vec& v) {
    // The τ with Σ max(|v_i| − τ, 0) = 1, found by sorting |v| (Duchi et al. 2008, Fig. 1).
    std::vector<double> a = {std::abs(v[0]), std::abs(v[1])};
    std::sort(a.rbegin(), a.rend());
    const double tau = a[0] - a[1] >= 1.0 ? a[0] - 1.0 : 0.5 * (a[0] + a[1] - 1.0);
    Vec z(2);
    for (int i = 0; i < 2; ++i) z[i] = std::copysign(std::max(std::abs(v[i]) - tau, 0.0), v[i]);
    return z;
  };
  for (const Vec& x :
       {Vec{{2.0, 0.5}}, Vec{{0.3, 2.0}}, Vec{{0.8, 0.9}}, Vec{{-1.5, -1.2}}, Vec{{-3.0, 0.2}}}) {
    CAPTURE(x.transpose());
    const lv::ProjectionResult result = lv::project(ball, x);
    CHECK(result.converged);
    CHECK(ball.max_violation(result.point) == 0.0);
    CHECK((result.point - soft_threshold(x)).norm() < 1e-7);
  }
  const ConstraintSet box = constraint_set({"max(abs(x), abs(y)) <= 1"});
  const lv::ProjectionResult clamped = lv::project(box, Vec{{2.0, 0.5}});
  CHECK(box.max_violation(clamped.point) <= 1e-12);
  CHECK((clamped.point - Vec{{1.0, 0.5}}).norm() < 1e-7);
  // A feasible point is its own projection.
  CHECK((lv::project(ball, Vec{{0.2, 0.3}}).point - Vec{{0.2, 0.3}}).norm() == 0.0);
}
