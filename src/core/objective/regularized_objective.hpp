// lv::RegularizedObjective: f(x) + l1‖x‖₁ + (l2/2)‖x‖₂² around any objective (elastic net when
// both are set), so every optimizer sees, and the GUI draws, the regularized landscape.
#pragma once

#include <string>
#include <vector>

#include "objective/objective.hpp"

namespace lv {

class RegularizedObjective final : public Objective {
 public:
  // Throws InputError for a negative or non-finite strength.
  RegularizedObjective(const Objective& objective, double l1, double l2);

  int dim() const override { return objective_.dim(); }
  double value(const Vec& x) const override;
  // ∇ = ∇f + l1·sign(x) + l2·x, with sign(0) = 0: the subgradient of ‖x‖₁ of least norm.
  double value_gradient(const Vec& x, Vec& gradient) const override;
  // ∇²f + l2·I: ‖x‖₁ is piecewise linear, its Hessian is zero wherever it exists.
  Mat hessian(const Vec& x) const override;
  Vec hvp(const Vec& x, const Vec& v) const override;
  bool has_dense_hessian() const override { return objective_.has_dense_hessian(); }

 private:
  const Objective& objective_;
  double l1_, l2_;
};

// The same penalty appended to a formula over `variables` (e.g. {"x", "y"}), for drawing the
// regularized surface in the shaders: "(f) + l1*(abs(x) + abs(y)) + l2/2*(x^2 + y^2)".
std::string regularized_formula(const std::string& formula,
                                const std::vector<std::string>& variables, double l1, double l2);

}  // namespace lv
