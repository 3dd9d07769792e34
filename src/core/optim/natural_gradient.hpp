// Natural gradient: x ← x − lr·(G(x) + λI)⁻¹∇f, steepest descent measured in a Riemannian metric
// G(x) instead of the Euclidean one (Amari 1998, "Natural gradient works efficiently in
// learning", Neural Computation 10(2), eq. 3.1). For a model p(data | x) G is the Fisher
// information; a bare surface f(x, y) has no model, so the metric is a choice:
//   identity      G = I: plain gradient descent (the reference point)
//   gauss_newton  G = 2JᵀJ for f = Σ rᵢ² (the Fisher of a Gaussian-noise model with mean r;
//                 needs residuals) — natural gradient then equals damped Gauss–Newton
//   hessian_abs   G = |∇²f| (eigenvalues made positive), the saddle-free metric
//   gaussian      (x, y) = (μ, log σ) of a normal N(μ, σ²): G = diag(1/σ², 2), its exact Fisher
//                 information, so f is read as a loss of that model (e.g. a negative
//                 log-likelihood); lr = 1 is then Fisher scoring
// Damping λ keeps G + λI invertible (Martens 2020, "New insights and perspectives on the natural
// gradient method", JMLR 21, §10).
#pragma once

#include "optim/line_search.hpp"

namespace lv {

enum class Metric { Identity, GaussNewton, HessianAbs, Gaussian };

class NaturalGradient final : public Optimizer {
 public:
  bool full_batch() const override { return true; }
  NaturalGradient();
  void reset(const Vec& x0) override;
  // Throws InputError where the metric does not apply to the objective (gauss_newton without
  // residuals, gaussian on a dimension other than 2).
  void step(const StepContext& context, Vec& x) override;

 private:
  Mat metric(const StepContext& context, const Vec& x) const;

  Metric metric_ = Metric::Identity;
  double damping_ = 0.0;
  LineSearch line_search_;
  Vec direction_;
};

// The Fisher information of N(μ, σ²) in the coordinates (μ, log σ): diag(1/σ², 2).
Mat gaussian_fisher_metric(const Vec& x);

}  // namespace lv
