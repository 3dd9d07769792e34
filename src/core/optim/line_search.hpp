// Line searches shared by every direction method (gd, cg, bfgs, lbfgs, newton, gauss_newton,
// natural_gradient): backtracking Armijo, strong Wolfe and the exact step on quadratics, chosen by
// the Choice hyperparameter `line_search` = none|armijo|wolfe|exact. Every trial point is
// evaluated through the Oracle, so the runner's function_evaluations column counts it.
#pragma once

#include <vector>

#include "optim/optimizer.hpp"

namespace lv {

enum class LineSearchKind { None, Armijo, Wolfe, Exact };

// The descriptors `line_search`, `c1`, `c2`, `shrink`, `max_evaluations` that a method appends to
// its own. `default_c2` differs by method: 0.9 for (quasi-)Newton, 0.1 for nonlinear CG
// (Nocedal & Wright, Numerical Optimization, 2nd ed. 2006, §3.1 and §5.2).
std::vector<HyperParameter> line_search_parameters(LineSearchKind default_kind,
                                                   double default_c2 = 0.9);

// `a` followed by `b`: an optimizer's own descriptors plus the shared line-search ones.
std::vector<HyperParameter> concatenate(std::vector<HyperParameter> a,
                                        const std::vector<HyperParameter>& b);

struct LineSearchSettings {
  LineSearchKind kind = LineSearchKind::None;
  double c1 = 1e-4;     // sufficient decrease (Armijo) constant
  double c2 = 0.9;      // curvature constant (strong Wolfe)
  double shrink = 0.5;  // backtracking factor ρ: α ← ρα
  int max_evaluations = 30;

  // Throws InputError for wolfe with c1 ≥ c2 (the conditions then have no solution in general).
  static LineSearchSettings from(const HyperParameters& parameters);
};

// The problem along one line: φ(α) = f(x + α d), φ'(α) = ∇f(x + α d)ᵀ d.
struct LineProblem {
  const Vec& x;
  double value;          // φ(0) = f(x)
  const Vec& gradient;   // ∇f(x)
  const Vec& direction;  // d, a descent direction (∇f(x)ᵀd < 0)
};

struct LineSearchResult {
  double step = 0.0;     // the accepted α (0: no acceptable step was found)
  bool success = false;  // the step satisfies the search's conditions
  int evaluations = 0;   // trial points evaluated
};

// Backtracking: α = α₀, ρα₀, ρ²α₀, ... until f(x + αd) ≤ f(x) + c1 α ∇fᵀd
// (Nocedal & Wright Alg. 3.1).
LineSearchResult backtracking_armijo(Oracle& oracle, const LineProblem& line, double initial_step,
                                     const LineSearchSettings& settings);

// A step satisfying the strong Wolfe conditions f(x + αd) ≤ f(x) + c1 α ∇fᵀd and
// |∇f(x + αd)ᵀd| ≤ c2 |∇fᵀd| (Nocedal & Wright Alg. 3.5 with zoom, Alg. 3.6).
LineSearchResult strong_wolfe(Oracle& oracle, const LineProblem& line, double initial_step,
                              const LineSearchSettings& settings);

// The exact minimizer along d of the local quadratic model: α = −∇fᵀd / dᵀHd (one Hessian-vector
// product). Exact on quadratics (Nocedal & Wright eq. 3.55); elsewhere it is one Newton step on
// φ. Falls back to backtracking where dᵀHd ≤ 0 (the model has no minimizer along d).
LineSearchResult exact_quadratic(Oracle& oracle, const LineProblem& line, double initial_step,
                                 const LineSearchSettings& settings);

// The strategy object a method holds: configured once per run, then moves x along the method's
// direction.
class LineSearch {
 public:
  void configure(const HyperParameters& parameters) {
    settings_ = LineSearchSettings::from(parameters);
  }
  const LineSearchSettings& settings() const { return settings_; }
  LineSearchKind kind() const { return settings_.kind; }

  // x ← x + α d. Without a search α = step_size; with one, step_size is the first trial α₀.
  // A search needs a descent direction: where d is not one (Newton with an indefinite Hessian),
  // it searches along the steepest descent −∇f instead. Returns the search's result.
  LineSearchResult advance(const StepContext& context, Vec& x, const Vec& direction,
                           double step_size);

 private:
  LineSearchSettings settings_;
  Vec trial_direction_;
};

}  // namespace lv
