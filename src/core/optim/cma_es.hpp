// CMA-ES, (μ/μ_w, λ) evolution strategy with covariance matrix adaptation, as in Hansen's
// tutorial ("The CMA Evolution Strategy: A Tutorial", arXiv:1604.00772, 2016): sampling eq. 38–40,
// mean update eq. 41, step-size control eq. 43–44, covariance update eq. 45–47 with the default
// parameters of Table 1 (positive recombination weights only, i.e. without active CMA). One
// generation (λ evaluations) per step; x shows the mean m.
#pragma once

#include "optim/derivative_free.hpp"

namespace lv {

class CmaEs final : public DerivativeFreeOptimizer {
 public:
  CmaEs();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

  int population_size() const { return lambda_; }
  double step_size() const { return sigma_; }
  const Mat& covariance() const { return covariance_; }

 private:
  void set_strategy_parameters(int dimension);

  // Strategy parameters (Table 1).
  int lambda_ = 0, mu_ = 0;
  Vec weights_;
  double mu_eff_ = 0.0, c_sigma_ = 0.0, d_sigma_ = 0.0, c_c_ = 0.0, c_1_ = 0.0, c_mu_ = 0.0;
  double expected_norm_ = 0.0;
  // State.
  Vec mean_, path_sigma_, path_c_;
  Mat covariance_;
  double sigma_ = 0.0;
  int generation_ = 0;
};

}  // namespace lv
