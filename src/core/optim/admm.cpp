#include "optim/admm.hpp"

#include <Eigen/Dense>
#include <limits>

#include "optim/regularized_optimizer.hpp"

namespace lv {

Admm::Admm()
    : Optimizer("admm",
                {real_parameter("l1", 0.1, 0.0, 5.0, 0.0, std::numeric_limits<double>::infinity(),
                                false, "λ of the split term λ‖z‖₁"),
                 real_parameter("rho", 1.0, 1e-2, 1e2, 1e-12,
                                std::numeric_limits<double>::infinity(), true, "ADMM penalty ρ"),
                 integer_parameter("newton_steps", 5, 1, 50, 1, 1000,
                                   "Newton steps for the x-update (1 is exact for quadratic f)")}) {
}

void Admm::reset(const Vec& x0) {
  l1_ = hyperparameters().get("l1");
  rho_ = hyperparameters().get("rho");
  newton_steps_ = hyperparameters().integer("newton_steps");
  x_ = x0;
  z_ = x0;
  scaled_dual_ = Vec::Zero(x0.size());
}

// x ← argmin f(x) + (ρ/2)‖x − z + u‖² (eq. 3.5) by Newton steps from the previous x; the Hessian
// ∇²f + ρI is shifted to stay positive definite where f is non-convex.
void Admm::minimize_x(Oracle& oracle) {
  const Vec target = z_ - scaled_dual_;
  for (int k = 0; k < newton_steps_; ++k) {
    Vec gradient;
    oracle.value_gradient(x_, gradient);
    gradient += rho_ * (x_ - target);
    if (gradient.norm() <= 1e-14 * (1.0 + x_.norm())) return;
    Mat hessian = oracle.hessian(x_);
    hessian.diagonal().array() += rho_;
    const Eigen::SelfAdjointEigenSolver<Mat> eigen(0.5 * (hessian + hessian.transpose()));
    const Vec eigenvalues =
        eigen.eigenvalues().cwiseMax(1e-8 * (1.0 + eigen.eigenvalues().cwiseAbs().maxCoeff()));
    x_ -= eigen.eigenvectors() *
          (eigen.eigenvectors().transpose() * gradient).cwiseQuotient(eigenvalues);
  }
}

// One ADMM iteration: x-update (3.5), z ← S_{λ/ρ}(x + u) (3.6, Sec. 4.4.3), u ← u + x − z (3.7).
void Admm::step(const StepContext& context, Vec& x) {
  minimize_x(context.oracle);
  const Vec previous_z = z_;
  z_ = soft_threshold(x_ + scaled_dual_, l1_ / rho_);
  scaled_dual_ += x_ - z_;
  primal_residual_ = (x_ - z_).norm();
  dual_residual_ = rho_ * (z_ - previous_z).norm();
  x = z_;
}

}  // namespace lv
