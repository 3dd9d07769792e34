// Gaussian-process regression with a zero prior mean and an isotropic RBF or Matérn 5/2 kernel of
// unit signal variance (Rasmussen & Williams 2006, "Gaussian Processes for Machine Learning":
// predictive mean and variance Algorithm 2.1, log marginal likelihood eq. 2.30, kernels eq. 4.9
// and 4.17). Used by Bayesian optimization on standardized values.
#pragma once

#include <Eigen/Cholesky>
#include <vector>

#include "common/types.hpp"

namespace lv {

enum class KernelKind { Rbf, Matern52 };

double kernel_value(KernelKind kind, double length_scale, const Vec& a, const Vec& b);

struct GaussianPrediction {
  double mean = 0.0;
  double variance = 0.0;
};

class GaussianProcess {
 public:
  // Fits to points (rows of `inputs`) with values `targets`; `noise` is the variance added to
  // the diagonal. Returns false when K + noise·I is not positive definite.
  bool fit(KernelKind kind, double length_scale, double noise, const Mat& inputs,
           const Vec& targets);
  GaussianPrediction predict(const Vec& point) const;
  // Predictions at the columns of `points` at once (one triangular solve for all of them).
  std::vector<GaussianPrediction> predict_many(const Mat& points) const;
  // log p(y | X) = −½ yᵀα − Σ log L_ii − (n/2) log 2π   (eq. 2.30 via Algorithm 2.1)
  double log_marginal_likelihood() const { return log_marginal_likelihood_; }

 private:
  KernelKind kind_ = KernelKind::Rbf;
  double length_scale_ = 1.0;
  Mat inputs_;
  Eigen::LLT<Mat> cholesky_;
  Vec alpha_;
  double log_marginal_likelihood_ = 0.0;
};

// Expected improvement below `best` for a Gaussian prediction (Jones, Schonlau & Welch 1998,
// eq. 15), with exploration margin xi: EI = (best − μ − ξ)Φ(z) + s φ(z), z = (best − μ − ξ)/s.
double expected_improvement(const GaussianPrediction& prediction, double best, double xi);

}  // namespace lv
