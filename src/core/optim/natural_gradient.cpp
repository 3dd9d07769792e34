#include "optim/natural_gradient.hpp"

#include <Eigen/Dense>
#include <cmath>
#include <limits>

#include "common/errors.hpp"
#include "objective/least_squares.hpp"

namespace lv {

NaturalGradient::NaturalGradient()
    : Optimizer(
          "natural_gradient",
          concatenate({learning_rate_parameter(0.1),
                       choice_parameter(
                           "metric", {"identity", "gauss_newton", "hessian_abs", "gaussian"}, 0,
                           "metric G: identity (gradient descent), gauss_newton (2 J^T J of "
                           "the residuals), hessian_abs (|H|), gaussian (Fisher of N(x, "
                           "exp(y)^2): diag(exp(-2y), 2))"),
                       real_parameter(
                           "damping", 1e-3, 0.0, 1.0, 0.0, std::numeric_limits<double>::infinity(),
                           false, "lambda added to the metric: solves (G + lambda I) p = -grad")},
                      line_search_parameters(LineSearchKind::None))) {}

void NaturalGradient::reset(const Vec& x0) {
  metric_ = static_cast<Metric>(hyperparameters().integer("metric"));
  damping_ = hyperparameters().get("damping");
  line_search_.configure(hyperparameters());
  direction_ = Vec::Zero(x0.size());
}

Mat NaturalGradient::metric(const StepContext& context, const Vec& x) const {
  const Eigen::Index n = x.size();
  switch (metric_) {
    case Metric::Identity:
      return Mat::Identity(n, n);
    case Metric::GaussNewton: {
      const auto* least_squares = dynamic_cast<const LeastSquares*>(&context.oracle.objective());
      if (!least_squares) {
        throw InputError(
            "natural_gradient metric=gauss_newton needs an objective given as "
            "residuals (--residuals with --expr, or a function with a least-squares "
            "form)");
      }
      Vec residuals;
      Mat jacobian;
      least_squares->residuals_jacobian(x, residuals, jacobian);
      return 2.0 * jacobian.transpose() * jacobian;
    }
    case Metric::HessianAbs: {
      const Mat hessian = context.oracle.hessian(x);
      const Eigen::SelfAdjointEigenSolver<Mat> eigen(0.5 * (hessian + hessian.transpose()));
      const Mat& basis = eigen.eigenvectors();
      return basis * eigen.eigenvalues().cwiseAbs().asDiagonal() * basis.transpose();
    }
    case Metric::Gaussian:
      if (n != 2) {
        throw InputError(
            "natural_gradient metric=gaussian needs 2 variables (x = mean, y = log "
            "standard deviation), got " +
            std::to_string(n));
      }
      return gaussian_fisher_metric(x);
  }
  return Mat::Identity(n, n);
}

void NaturalGradient::step(const StepContext& context, Vec& x) {
  const Eigen::Index n = x.size();
  const Mat damped = metric(context, x) + damping_ * Mat::Identity(n, n);
  // G + λI is symmetric positive semidefinite; LDLT solves it and yields ±∞ where it is exactly
  // singular (λ = 0), which the runner reports as divergence.
  direction_ = damped.ldlt().solve(-context.gradient);
  line_search_.advance(context, x, direction_, context.learning_rate);
}

// Fisher information of N(μ, σ²): I(μ, σ) = diag(1/σ², 2/σ²). With s = log σ, dσ/ds = σ, so
// I(μ, s) = diag(1/σ², 2/σ² · σ²) = diag(e^{−2s}, 2).
Mat gaussian_fisher_metric(const Vec& x) {
  Mat metric = Mat::Zero(2, 2);
  metric(0, 0) = std::exp(-2.0 * x[1]);
  metric(1, 1) = 2.0;
  return metric;
}

}  // namespace lv
