#include "optim/sam.hpp"

#include <limits>

namespace lv {

Sam::Sam(bool adaptive)
    : WrappedOptimizer(
          adaptive ? "asam" : "sam",
          {real_parameter("rho", adaptive ? 0.5 : 0.05, 1e-3, 2.0, 0.0,
                          std::numeric_limits<double>::infinity(), true,
                          "neighbourhood radius ρ of the sharpness ascent step"),
           boolean_parameter("adaptive", adaptive,
                             "ASAM: scale the ascent by T_w = diag(|w| + eta) (Kwon et al. 2021)"),
           real_parameter("eta", 0.01, 0.0, 1.0, 0.0, std::numeric_limits<double>::infinity(),
                          false,
                          "ASAM offset η in T_w = |w| + η (keeps zero weights perturbable)")}) {}

void Sam::reset(const Vec& x0) {
  const HyperParameters& p = hyperparameters();
  rho_ = p.get("rho");
  adaptive_ = p.flag("adaptive");
  eta_ = p.get("eta");
  reset_base(x0);
}

// Foret et al. 2021, Algorithm 1 with p = 2 (eq. 2): ε̂(w) = ρ ∇L(w) / ‖∇L(w)‖₂.
// Kwon et al. 2021, eq. 10 (p = 2): ε̂(w) = ρ T_w² ∇L(w) / ‖T_w ∇L(w)‖₂, T_w = diag(|w| + η).
Vec Sam::perturbation(const Vec& weights, const Vec& gradient, double rho, bool adaptive,
                      double eta) {
  const Vec scale = adaptive ? Vec(weights.cwiseAbs().array() + eta) : Vec::Ones(weights.size());
  const double norm = scale.cwiseProduct(gradient).norm();
  if (norm == 0.0) return Vec::Zero(weights.size());
  return rho * scale.cwiseAbs2().cwiseProduct(gradient) / norm;
}

// Algorithm 1: g = ∇L(w + ε̂(w)); the base optimizer steps from w with g.
void Sam::step(const StepContext& context, Vec& x) {
  perturbed_point_ = x + perturbation(x, context.gradient, rho_, adaptive_, eta_);
  const double perturbed_value =
      context.oracle.value_gradient(perturbed_point_, perturbed_gradient_);
  base().step(
      StepContext{perturbed_gradient_, perturbed_value, context.learning_rate, context.oracle}, x);
}

}  // namespace lv
