#include "optim/cma_es.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace lv {

CmaEs::CmaEs()
    : DerivativeFreeOptimizer(
          "cma_es",
          {real_parameter("sigma", 0.5, 1e-3, 5.0, 1e-300, std::numeric_limits<double>::infinity(),
                          true, "initial step size σ⁽⁰⁾"),
           integer_parameter("population", 0, 0, 100, 0, 100000,
                             "offspring λ per generation (0: 4 + ⌊3 ln n⌋, Table 1)"),
           seed_parameter()}) {}

// Hansen 2016, Table 1 (weights w_i ∝ ln((λ+1)/2) − ln i for i <= μ = ⌊λ/2⌋, eq. 49).
void CmaEs::set_strategy_parameters(int dimension) {
  const double n = dimension;
  const int requested = hyperparameters().integer("population");
  lambda_ = requested >= 2 ? requested : 4 + static_cast<int>(std::floor(3.0 * std::log(n)));
  mu_ = lambda_ / 2;
  weights_.resize(mu_);
  for (int i = 0; i < mu_; ++i) weights_[i] = std::log((lambda_ + 1) / 2.0) - std::log(i + 1.0);
  weights_ /= weights_.sum();
  mu_eff_ = 1.0 / weights_.squaredNorm();
  c_sigma_ = (mu_eff_ + 2.0) / (n + mu_eff_ + 5.0);
  d_sigma_ = 1.0 + 2.0 * std::max(0.0, std::sqrt((mu_eff_ - 1.0) / (n + 1.0)) - 1.0) + c_sigma_;
  c_c_ = (4.0 + mu_eff_ / n) / (n + 4.0 + 2.0 * mu_eff_ / n);
  c_1_ = 2.0 / ((n + 1.3) * (n + 1.3) + mu_eff_);
  c_mu_ = std::min(1.0 - c_1_,
                   2.0 * (mu_eff_ - 2.0 + 1.0 / mu_eff_) / ((n + 2.0) * (n + 2.0) + mu_eff_));
  expected_norm_ = std::sqrt(n) * (1.0 - 1.0 / (4.0 * n) + 1.0 / (21.0 * n * n));  // E‖N(0, I)‖
}

void CmaEs::reset(const Vec& x0) {
  reset_search(x0);
  const int n = static_cast<int>(x0.size());
  set_strategy_parameters(n);
  mean_ = x0;
  path_sigma_ = Vec::Zero(n);
  path_c_ = Vec::Zero(n);
  covariance_ = Mat::Identity(n, n);
  sigma_ = hyperparameters().get("sigma");
  generation_ = 0;
}

void CmaEs::step(const StepContext& context, Vec& x) {
  start_if_needed(context, x);
  const Eigen::Index n = mean_.size();
  // C = B D² Bᵀ; y_k = B D z_k, z_k ~ N(0, I); x_k = m + σ y_k (eq. 38–40).
  const Eigen::SelfAdjointEigenSolver<Mat> eigen(covariance_);
  const Mat& basis = eigen.eigenvectors();
  const Vec scales = eigen.eigenvalues().cwiseMax(0.0).cwiseSqrt();
  std::normal_distribution<double> normal(0.0, 1.0);
  std::vector<Vec> steps(static_cast<size_t>(lambda_));
  std::vector<double> values(static_cast<size_t>(lambda_));
  for (int k = 0; k < lambda_; ++k) {
    Vec z(n);
    for (Eigen::Index i = 0; i < n; ++i) z[i] = normal(generator());
    steps[static_cast<size_t>(k)] = basis * scales.cwiseProduct(z);
    values[static_cast<size_t>(k)] =
        evaluate(context.oracle, mean_ + sigma_ * steps[static_cast<size_t>(k)]);
  }
  std::vector<int> rank(static_cast<size_t>(lambda_));
  std::iota(rank.begin(), rank.end(), 0);
  std::stable_sort(rank.begin(), rank.end(), [&](int a, int b) {
    return values[static_cast<size_t>(a)] < values[static_cast<size_t>(b)];
  });

  // ⟨y⟩_w = Σ w_i y_{i:λ};  m ← m + σ⟨y⟩_w (eq. 41 with c_m = 1).
  Vec weighted_step = Vec::Zero(n);
  for (int i = 0; i < mu_; ++i)
    weighted_step += weights_[i] * steps[static_cast<size_t>(rank[static_cast<size_t>(i)])];
  mean_ += sigma_ * weighted_step;
  ++generation_;

  // p_σ ← (1 − c_σ)p_σ + √(c_σ(2 − c_σ)μ_eff) C^(−½)⟨y⟩_w   (eq. 43)
  const Vec inverse_scales = scales.unaryExpr([](double s) { return s > 0.0 ? 1.0 / s : 0.0; });
  const Vec whitened = basis * inverse_scales.cwiseProduct(basis.transpose() * weighted_step);
  path_sigma_ =
      (1.0 - c_sigma_) * path_sigma_ + std::sqrt(c_sigma_ * (2.0 - c_sigma_) * mu_eff_) * whitened;
  // h_σ: stall p_c while ‖p_σ‖ is large (the footnote to eq. 45).
  const double path_norm =
      path_sigma_.norm() / std::sqrt(1.0 - std::pow(1.0 - c_sigma_, 2.0 * generation_));
  const bool h_sigma = path_norm < (1.4 + 2.0 / (static_cast<double>(n) + 1.0)) * expected_norm_;
  // p_c ← (1 − c_c)p_c + h_σ √(c_c(2 − c_c)μ_eff) ⟨y⟩_w   (eq. 45)
  path_c_ = (1.0 - c_c_) * path_c_ +
            (h_sigma ? std::sqrt(c_c_ * (2.0 - c_c_) * mu_eff_) : 0.0) * weighted_step;
  // C ← (1 + c_1 δ(h_σ) − c_1 − c_μ Σw)C + c_1 p_c p_cᵀ + c_μ Σ w_i y_{i:λ} y_{i:λ}ᵀ (eq. 47, Σw =
  // 1)
  Mat rank_mu = Mat::Zero(n, n);
  for (int i = 0; i < mu_; ++i) {
    const Vec& y = steps[static_cast<size_t>(rank[static_cast<size_t>(i)])];
    rank_mu += weights_[i] * y * y.transpose();
  }
  const double stall_correction = h_sigma ? 0.0 : c_1_ * c_c_ * (2.0 - c_c_);
  covariance_ = (1.0 + stall_correction - c_1_ - c_mu_) * covariance_ +
                c_1_ * path_c_ * path_c_.transpose() + c_mu_ * rank_mu;
  covariance_ = 0.5 * (covariance_ + covariance_.transpose());
  // σ ← σ exp((c_σ/d_σ)(‖p_σ‖/E‖N(0, I)‖ − 1))   (eq. 44)
  sigma_ *= std::exp((c_sigma_ / d_sigma_) * (path_sigma_.norm() / expected_norm_ - 1.0));
  x = mean_;
}

}  // namespace lv
