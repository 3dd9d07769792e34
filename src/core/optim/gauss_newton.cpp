#include "optim/gauss_newton.hpp"

#include <Eigen/Dense>
#include <limits>

#include "common/errors.hpp"
#include "objective/least_squares.hpp"

namespace lv {

GaussNewton::GaussNewton()
    : Optimizer("gauss_newton",
                concatenate({learning_rate_parameter(1.0),
                             real_parameter("damping", 0.0, 0.0, 10.0, 0.0,
                                            std::numeric_limits<double>::infinity(), false,
                                            "Levenberg-Marquardt damping lambda: solves "
                                            "(J^T J + lambda I) p = -J^T r"),
                             damping_factor_parameter(1.0)},
                            line_search_parameters(LineSearchKind::None))) {}

void GaussNewton::reset(const Vec& x0) {
  damping_ = hyperparameters().get("damping");
  line_search_.configure(hyperparameters());
  adaptive_damping_.reset(damping_, hyperparameters().get("damping_factor"),
                          hyperparameters().integer("max_evaluations"));
  if (adaptive_damping_.enabled() && line_search_.kind() != LineSearchKind::None) {
    throw InputError(
        "gauss_newton: damping_factor > 1 (adaptive damping) and a line search both "
        "choose the step; set damping_factor=1 or line_search=none");
  }
  direction_ = Vec::Zero(x0.size());
}

void GaussNewton::step(const StepContext& context, Vec& x) {
  const auto* least_squares = dynamic_cast<const LeastSquares*>(&context.oracle.objective());
  if (!least_squares) {
    throw InputError(
        "gauss_newton needs an objective given as residuals (f = sum of r_i^2): use --residuals "
        "\"r1; r2\" with --expr, or a function with a least-squares form");
  }
  // r and J at x carry the same information as the runner's f and ∇f at x, already counted.
  least_squares->residuals_jacobian(x, residuals_, jacobian_);
  if (adaptive_damping_.enabled()) {
    adaptive_damping_.advance(context, x, context.learning_rate, [&](double damping) {
      return gauss_newton_direction(jacobian_, residuals_, damping);
    });
    return;
  }
  direction_ = gauss_newton_direction(jacobian_, residuals_, damping_);
  line_search_.advance(context, x, direction_, context.learning_rate);
}

Vec gauss_newton_direction(const Mat& jacobian, const Vec& residuals, double damping) {
  if (damping == 0.0) return jacobian.completeOrthogonalDecomposition().solve(-residuals);
  const Mat normal =
      jacobian.transpose() * jacobian + damping * Mat::Identity(jacobian.cols(), jacobian.cols());
  return normal.ldlt().solve(-(jacobian.transpose() * residuals));
}

}  // namespace lv
