#include "optim/constrained_newton_method.hpp"

#include <Eigen/Dense>
#include <cmath>
#include <limits>

#include "constraints/constrained_objective.hpp"

namespace lv {

namespace {

std::vector<HyperParameter> with_inner(std::vector<HyperParameter> own) {
  own.push_back(inner_steps_parameter());
  own.push_back(inner_tolerance_parameter());
  return own;
}

// Newton direction for a Hessian that may be indefinite: shift the spectrum so the smallest
// eigenvalue is at least 1e-8·(1 + largest |eigenvalue|) (Nocedal & Wright 2006, Sec. 3.4).
Vec newton_direction(const Mat& hessian, const Vec& gradient) {
  const Eigen::SelfAdjointEigenSolver<Mat> eigen(0.5 * (hessian + hessian.transpose()));
  const Vec eigenvalues = eigen.eigenvalues();
  const double floor = 1e-8 * (1.0 + eigenvalues.cwiseAbs().maxCoeff());
  const Vec shifted = eigenvalues.cwiseMax(floor);
  return -eigen.eigenvectors() *
         (eigen.eigenvectors().transpose() * gradient).cwiseQuotient(shifted);
}

}  // namespace

HyperParameter inner_steps_parameter() {
  return integer_parameter("inner_steps", 20, 1, 200, 1, 1000000,
                           "at most this many Newton steps per outer iteration");
}

HyperParameter inner_tolerance_parameter() {
  return real_parameter("inner_tolerance", 1e-8, 1e-12, 1e-2, 0.0,
                        std::numeric_limits<double>::infinity(), true,
                        "the inner problem is solved when ‖∇φ‖ falls below this");
}

ConstrainedNewtonMethod::ConstrainedNewtonMethod(std::string name,
                                                 std::vector<HyperParameter> own_descriptors)
    : Optimizer(std::move(name), with_inner(std::move(own_descriptors))) {}

void ConstrainedNewtonMethod::reset(const Vec&) {
  constraints_ = nullptr;
  inner_steps_ = hyperparameters().integer("inner_steps");
  inner_tolerance_ = hyperparameters().get("inner_tolerance");
  inner_count_ = 0;
  outer_iterations_ = 0;
}

double ConstrainedNewtonMethod::merit_value(const ConstraintSet& constraints, Oracle& oracle,
                                            const Vec& x) const {
  const double penalty = merit_term(constraints, x).value;
  if (!std::isfinite(penalty)) return penalty;
  return oracle.value(x) + penalty;
}

void ConstrainedNewtonMethod::step(const StepContext& context, Vec& x) {
  if (!constraints_) {
    constraints_ = &constraints_of(context.oracle.objective(), name());
    start(*constraints_, x);
  }
  const ConstraintSet& constraints = *constraints_;
  MeritTerm term = merit_term(constraints, x);
  Vec gradient = context.gradient + term.gradient;
  if (gradient.norm() <= inner_tolerance_ || inner_count_ >= inner_steps_) {
    outer_update(constraints, x);
    ++outer_iterations_;
    inner_count_ = 0;
    term = merit_term(constraints, x);
    gradient = context.gradient + term.gradient;
  }
  ++inner_count_;
  const Vec direction = newton_direction(context.oracle.hessian(x) + term.hessian, gradient);
  // Armijo backtracking on φ (Nocedal & Wright 2006, Algorithm 3.1, c = 1e-4).
  const double merit = context.value + term.value;
  const double slope = gradient.dot(direction);
  double step_length = 1.0;
  for (int halving = 0; halving < 60; ++halving, step_length *= 0.5) {
    const Vec trial = x + step_length * direction;
    const double trial_merit = merit_value(constraints, context.oracle, trial);
    if (std::isfinite(trial_merit) && trial_merit <= merit + 1e-4 * step_length * slope) {
      x = trial;
      return;
    }
  }
}

}  // namespace lv
