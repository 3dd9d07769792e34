#include "optim/nelder_mead.hpp"

#include <algorithm>
#include <limits>

namespace lv {

NelderMead::NelderMead()
    : DerivativeFreeOptimizer(
          "nelder_mead",
          {real_parameter("initial_step", 0.5, 1e-3, 5.0, 0.0,
                          std::numeric_limits<double>::infinity(), true,
                          "edge length of the initial simplex x0 + initial_step·e_i"),
           real_parameter("reflection", 1.0, 0.1, 3.0, 0.0, std::numeric_limits<double>::infinity(),
                          false, "ρ (Lagarias et al.: 1)"),
           real_parameter("expansion", 2.0, 1.0, 4.0, 1.0, std::numeric_limits<double>::infinity(),
                          false, "χ > max(1, ρ) (Lagarias et al.: 2)"),
           real_parameter("contraction", 0.5, 0.05, 0.95, 0.0, just_below_one(), false,
                          "γ in (0, 1) (Lagarias et al.: ½)"),
           real_parameter("shrinkage", 0.5, 0.05, 0.95, 0.0, just_below_one(), false,
                          "σ in (0, 1) (Lagarias et al.: ½)")}) {}

void NelderMead::reset(const Vec& x0) {
  reset_search(x0);
  const HyperParameters& p = hyperparameters();
  initial_step_ = p.get("initial_step");
  reflection_ = p.get("reflection");
  expansion_ = p.get("expansion");
  contraction_ = p.get("contraction");
  shrinkage_ = p.get("shrinkage");
  simplex_.clear();
  last_move_ = SimplexMove::None;
}

// Stable ordering: a new vertex goes after old vertices with the same value, and after a shrink
// the kept best vertex stays first (Lagarias et al., the two tie-breaking rules of Sec. 2).
void NelderMead::order() {
  std::stable_sort(simplex_.begin(), simplex_.end(),
                   [](const SearchPoint& a, const SearchPoint& b) { return a.value < b.value; });
}

void NelderMead::shrink(Oracle& oracle) {
  const Vec best = simplex_.front().point;
  for (size_t i = 1; i < simplex_.size(); ++i) {
    simplex_[i].point = best + shrinkage_ * (simplex_[i].point - best);
    simplex_[i].value = evaluate(oracle, simplex_[i].point);
  }
}

// One iteration of Lagarias et al., Sec. 2, steps 2–5 (the simplex is ordered on entry).
SimplexMove NelderMead::iterate(Oracle& oracle) {
  const size_t n = simplex_.size() - 1;
  Vec centroid = Vec::Zero(simplex_.front().point.size());
  for (size_t i = 0; i < n; ++i) centroid += simplex_[i].point;
  centroid /= static_cast<double>(n);
  SearchPoint& worst = simplex_.back();
  const double best_value = simplex_.front().value;
  const double second_worst_value = simplex_[n - 1].value;

  const Vec reflected =
      centroid + reflection_ * (centroid - worst.point);  // x_r = x̄ + ρ(x̄ − x_{n+1})
  const double reflected_value = evaluate(oracle, reflected);
  if (best_value <= reflected_value && reflected_value < second_worst_value) {
    worst = {reflected, reflected_value};
    return SimplexMove::Reflect;
  }
  if (reflected_value < best_value) {  // x_e = x̄ + χ(x_r − x̄)
    const Vec expanded = centroid + expansion_ * (reflected - centroid);
    const double expanded_value = evaluate(oracle, expanded);
    if (expanded_value < reflected_value) {
      worst = {expanded, expanded_value};
      return SimplexMove::Expand;
    }
    worst = {reflected, reflected_value};
    return SimplexMove::Reflect;
  }
  if (reflected_value < worst.value) {  // outside: x_c = x̄ + γ(x_r − x̄)
    const Vec contracted = centroid + contraction_ * (reflected - centroid);
    const double contracted_value = evaluate(oracle, contracted);
    if (contracted_value <= reflected_value) {
      worst = {contracted, contracted_value};
      return SimplexMove::ContractOutside;
    }
  } else {  // inside: x_cc = x̄ − γ(x̄ − x_{n+1})
    const Vec contracted = centroid - contraction_ * (centroid - worst.point);
    const double contracted_value = evaluate(oracle, contracted);
    if (contracted_value < worst.value) {
      worst = {contracted, contracted_value};
      return SimplexMove::ContractInside;
    }
  }
  shrink(oracle);
  return SimplexMove::Shrink;
}

void NelderMead::step(const StepContext& context, Vec& x) {
  if (simplex_.empty()) {
    start_if_needed(context, x);
    simplex_.push_back({x, context.value});
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      Vec vertex = x;
      vertex[i] += initial_step_;
      simplex_.push_back({vertex, evaluate(context.oracle, vertex)});
    }
    order();
  }
  last_move_ = iterate(context.oracle);
  order();
  x = simplex_.front().point;
}

const char* simplex_move_name(SimplexMove move) {
  switch (move) {
    case SimplexMove::Reflect:
      return "reflect";
    case SimplexMove::Expand:
      return "expand";
    case SimplexMove::ContractOutside:
      return "contract_outside";
    case SimplexMove::ContractInside:
      return "contract_inside";
    case SimplexMove::Shrink:
      return "shrink";
    default:
      return "none";
  }
}

}  // namespace lv
