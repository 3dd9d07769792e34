#include "optim/newton.hpp"

#include <Eigen/Eigenvalues>
#include <limits>

#include "common/errors.hpp"
#include "optim/truncated_cg.hpp"

namespace lv {

namespace {

std::vector<HyperParameter> newton_parameters(NewtonVariant variant) {
  const double default_damping = variant == NewtonVariant::Damped ? 1.0 : 0.0;
  return concatenate(
      {learning_rate_parameter(1.0),
       real_parameter("damping", default_damping, 0.0, 10.0, 0.0,
                      std::numeric_limits<double>::infinity(), false,
                      "Levenberg-Marquardt damping lambda: solves (H + lambda I) p = -grad; "
                      "large lambda turns Newton into gradient descent with step lr/lambda"),
       boolean_parameter("saddle_free", false,
                         "use |H| (absolute eigenvalues, Dauphin et al. 2014) so that saddle "
                         "points repel instead of attract"),
       choice_parameter("hessian", {"dense", "cg"}, 0,
                        "dense: the full Hessian; cg: truncated CG on Hessian-vector products "
                        "(Nocedal & Wright Alg. 7.1)"),
       damping_factor_parameter(variant == NewtonVariant::Damped ? 10.0 : 1.0)},
      line_search_parameters(LineSearchKind::None));
}

}  // namespace

Newton::Newton(NewtonVariant variant)
    : Optimizer(variant == NewtonVariant::Damped ? "damped_newton" : "newton",
                newton_parameters(variant)) {}

void Newton::reset(const Vec& x0) {
  const HyperParameters& p = hyperparameters();
  settings_ = {p.get("damping"), p.flag("saddle_free"), p.choice("hessian") == "cg"};
  if (settings_.saddle_free && settings_.use_cg) {
    throw InputError(name() + ": saddle_free needs hessian=dense (|H| needs the eigenvalues)");
  }
  line_search_.configure(p);
  adaptive_damping_.reset(settings_.damping, p.get("damping_factor"), p.integer("max_evaluations"));
  if (adaptive_damping_.enabled() && line_search_.kind() != LineSearchKind::None) {
    throw InputError(name() + ": damping_factor > 1 (adaptive damping) and a line search both " +
                     "choose the step; set damping_factor=1 or line_search=none");
  }
  direction_ = Vec::Zero(x0.size());
}

void Newton::step(const StepContext& context, Vec& x) {
  // An objective without a dense Hessian (a network) gets truncated CG even under hessian=dense.
  use_cg_ = settings_.use_cg || !context.oracle.objective().has_dense_hessian();
  if (use_cg_ && settings_.saddle_free) {
    throw InputError(name() + ": saddle_free needs a dense Hessian, which this objective lacks");
  }
  if (!use_cg_) hessian_ = context.oracle.hessian(x);
  const Vec point = x;
  if (adaptive_damping_.enabled()) {
    adaptive_damping_.advance(context, x, context.learning_rate,
                              [&](double damping) { return direction(context, point, damping); });
    return;
  }
  direction_ = direction(context, point, settings_.damping);
  line_search_.advance(context, x, direction_, context.learning_rate);
}

Vec Newton::direction(const StepContext& context, const Vec& x, double damping) const {
  if (!use_cg_) {
    return newton_direction(hessian_, context.gradient, damping, settings_.saddle_free);
  }
  auto multiply = [&](const Vec& v) -> Vec { return context.oracle.hvp(x, v) + damping * v; };
  return truncated_cg(multiply, context.gradient, 2 * static_cast<int>(x.size())).step;
}

Vec newton_direction(const Mat& hessian, const Vec& gradient, double damping, bool saddle_free) {
  const Eigen::SelfAdjointEigenSolver<Mat> eigen(0.5 * (hessian + hessian.transpose()));
  Vec curvature = eigen.eigenvalues();
  if (saddle_free) curvature = curvature.cwiseAbs();
  curvature.array() += damping;
  const Mat& basis = eigen.eigenvectors();
  Vec coordinates = basis.transpose() * gradient;
  for (Eigen::Index i = 0; i < coordinates.size(); ++i) {
    // A flat direction the gradient does not point along needs no step (f = x² over (x, y));
    // one it does point along gives ±∞, and the runner reports the run as diverged.
    if (coordinates[i] != 0.0) coordinates[i] /= curvature[i];
  }
  return -(basis * coordinates);
}

}  // namespace lv
