// Objectives written out by hand (no formula parser, no AD) as independent references for
// optimizer and runner tests.
#pragma once

#include "objective/objective.hpp"

namespace lv::test {

// f(x) = ½ xᵀ A x with A = diag(d): ∇f = A x, ∇²f = A.
class DiagonalQuadratic final : public Objective {
 public:
  explicit DiagonalQuadratic(Vec diagonal) : diagonal_(std::move(diagonal)) {}
  int dim() const override { return static_cast<int>(diagonal_.size()); }
  double value(const Vec& x) const override { return 0.5 * x.dot(diagonal_.cwiseProduct(x)); }
  double value_gradient(const Vec& x, Vec& gradient) const override {
    gradient = diagonal_.cwiseProduct(x);
    return value(x);
  }
  Mat hessian(const Vec&) const override { return diagonal_.asDiagonal(); }

 private:
  Vec diagonal_;
};

}  // namespace lv::test
