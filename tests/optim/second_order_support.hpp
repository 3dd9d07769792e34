// Shared references for the second-order and quasi-Newton tests: objectives written out by hand
// (no formula parser), linear CG as the reference for conjugate-direction methods, and one driver
// that runs a registered optimizer through lv::run_optimizer (settings and `configured` come from
// optimizer_settings.hpp, shared with the other optimizer test drivers).
#pragma once

#include <doctest/doctest.h>

#include <Eigen/Dense>

#include <stdexcept>
#include <vector>

#include "objective/objective.hpp"
#include "optim/registry.hpp"
#include "optimizer_settings.hpp"
#include "run/runner.hpp"

namespace lv::test {

// f(x) = ½ xᵀ A x − bᵀ x with A symmetric positive definite: ∇f = A x − b, ∇²f = A, minimizer
// A⁻¹ b.
class Quadratic final : public Objective {
 public:
  Quadratic(Mat a, Vec b) : a_(std::move(a)), b_(std::move(b)) {}
  int dim() const override { return static_cast<int>(b_.size()); }
  double value(const Vec& x) const override { return 0.5 * x.dot(a_ * x) - b_.dot(x); }
  double value_gradient(const Vec& x, Vec& gradient) const override {
    gradient = a_ * x - b_;
    return value(x);
  }
  Mat hessian(const Vec&) const override { return a_; }
  Vec minimizer() const { return a_.ldlt().solve(b_); }
  const Mat& matrix() const { return a_; }
  const Vec& linear() const { return b_; }

 private:
  Mat a_;
  Vec b_;
};

// A 4×4 SPD matrix with distinct eigenvalues (diagonally dominant) and a right-hand side.
inline Quadratic quadratic_4d() {
  Mat a{{4.0, 1.0, 0.5, 0.0}, {1.0, 3.0, 0.2, 0.1}, {0.5, 0.2, 2.0, 0.3}, {0.0, 0.1, 0.3, 1.0}};
  return Quadratic(a, Vec{{1.0, -2.0, 0.5, 3.0}});
}

// Rosenbrock f = (1 − x)² + 100(y − x²)² with its gradient and Hessian derived by hand.
class Rosenbrock final : public Objective {
 public:
  int dim() const override { return 2; }
  double value(const Vec& p) const override {
    return (1 - p[0]) * (1 - p[0]) + 100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]);
  }
  double value_gradient(const Vec& p, Vec& gradient) const override {
    const double x = p[0], y = p[1];
    gradient.resize(2);
    gradient[0] = -2 * (1 - x) - 400 * x * (y - x * x);
    gradient[1] = 200 * (y - x * x);
    return value(p);
  }
  Mat hessian(const Vec& p) const override {
    const double x = p[0], y = p[1];
    return Mat{{2 - 400 * y + 1200 * x * x, -400 * x}, {-400 * x, 200.0}};
  }
};

// Wraps an objective but offers only Hessian-vector products, like a network: hessian() fails.
class HvpOnly final : public Objective {
 public:
  explicit HvpOnly(const Objective& inner) : inner_(inner) {}
  int dim() const override { return inner_.dim(); }
  double value(const Vec& x) const override { return inner_.value(x); }
  double value_gradient(const Vec& x, Vec& g) const override { return inner_.value_gradient(x, g); }
  Mat hessian(const Vec&) const override { throw std::logic_error("no dense Hessian here"); }
  Vec hvp(const Vec& x, const Vec& v) const override { return inner_.hvp(x, v); }
  bool has_dense_hessian() const override { return false; }

 private:
  const Objective& inner_;
};

// Linear CG (Nocedal & Wright Alg. 5.2) on A x = b: the iterates x₁..xₙ, the reference that
// nonlinear CG and BFGS with exact line searches must reproduce on a quadratic.
inline std::vector<Vec> linear_cg_iterates(const Quadratic& q, const Vec& x0, int steps) {
  std::vector<Vec> iterates;
  Vec x = x0;
  Vec r = q.matrix() * x - q.linear();
  Vec p = -r;
  for (int k = 0; k < steps; ++k) {
    const Vec ap = q.matrix() * p;
    const double alpha = r.dot(r) / p.dot(ap);
    x += alpha * p;
    const Vec r_next = r + alpha * ap;
    p = -r_next + (r_next.dot(r_next) / r.dot(r)) * p;
    r = r_next;
    iterates.push_back(x);
  }
  return iterates;
}

inline Trajectory run(const char* name, const std::vector<Setting>& settings,
                      const Objective& objective, const Vec& x0, int steps,
                      double gradient_tolerance = 1e-10) {
  std::unique_ptr<Optimizer> optimizer = configured(name, settings);
  RunSettings run_settings;
  run_settings.max_steps = steps;
  run_settings.gradient_tolerance = gradient_tolerance;
  return run_optimizer(objective, *optimizer, nullptr, x0, run_settings);
}

inline Vec last_point(const Trajectory& trajectory) {
  return trajectory.x(trajectory.size() - 1);
}

}  // namespace lv::test
