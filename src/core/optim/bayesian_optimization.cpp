#include "optim/bayesian_optimization.hpp"

#include <array>
#include <limits>

namespace lv {

BayesianOptimization::BayesianOptimization()
    : DerivativeFreeOptimizer(
          "bayesian_optimization",
          {choice_parameter("kernel", {"matern52", "rbf"}, 0, "GP kernel: Matérn 5/2 or RBF"),
           real_parameter("length_scale", 0.0, 0.0, 1.0, 0.0,
                          std::numeric_limits<double>::infinity(), false,
                          "kernel length scale in units of the box width (0: the best of "
                          "0.02…1 by marginal likelihood, refitted every step)"),
           integer_parameter("initial_points", 5, 1, 50, 1, 100000,
                             "uniform random evaluations first"),
           integer_parameter("max_evaluations", 150, 10, 1000, 1, 100000,
                             "evaluation budget: the search then stays at its best point (each "
                             "step refits the GP, O(n³) in the evaluations so far)"),
           integer_parameter("candidates", 2000, 10, 20000, 1, 10000000,
                             "random candidates the expected improvement is maximized over"),
           real_parameter("xi", 0.01, 0.0, 1.0, 0.0, std::numeric_limits<double>::infinity(), false,
                          "exploration margin ξ of the expected improvement (units of f)"),
           real_parameter("noise", 1e-6, 1e-10, 1e-1, 1e-12,
                          std::numeric_limits<double>::infinity(), true,
                          "observation noise variance on the standardized values"),
           lower_bound_parameter(), upper_bound_parameter(), seed_parameter()}) {}

void BayesianOptimization::reset(const Vec& x0) {
  reset_search(x0);
  read_box(static_cast<int>(x0.size()));
  const HyperParameters& p = hyperparameters();
  kernel_ = p.choice("kernel") == "rbf" ? KernelKind::Rbf : KernelKind::Matern52;
  length_scale_ = p.get("length_scale");
  initial_points_ = p.integer("initial_points");
  max_evaluations_ = p.integer("max_evaluations");
  candidates_ = p.integer("candidates");
  xi_ = p.get("xi");
  noise_ = p.get("noise");
  fitted_length_scale_ = 0.0;
}

Vec BayesianOptimization::to_unit(const Vec& point) const {
  return (point - lower()).cwiseQuotient(upper() - lower());
}

Vec BayesianOptimization::next_point() {
  // Training data: finite evaluations, standardized (zero mean, unit variance).
  std::vector<const SearchPoint*> data;
  for (const SearchPoint& e : evaluations()) {
    if (std::isfinite(e.value)) data.push_back(&e);
  }
  const Eigen::Index n = static_cast<Eigen::Index>(data.size());
  Mat inputs(n, lower().size());
  Vec targets(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    inputs.row(i) = to_unit(data[static_cast<size_t>(i)]->point).transpose();
    targets[i] = data[static_cast<size_t>(i)]->value;
  }
  const double mean = targets.mean();
  const double deviation = std::sqrt((targets.array() - mean).square().mean());
  const double unit = deviation > 0.0 ? deviation : 1.0;
  targets = (targets.array() - mean) / unit;

  GaussianProcess process;
  const std::array<double, 7> grid = {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0};
  double best_likelihood = -std::numeric_limits<double>::infinity();
  for (double scale : length_scale_ > 0.0 ? std::vector<double>{length_scale_}
                                          : std::vector<double>(grid.begin(), grid.end())) {
    GaussianProcess trial;
    if (trial.fit(kernel_, scale, noise_, inputs, targets) &&
        trial.log_marginal_likelihood() > best_likelihood) {
      best_likelihood = trial.log_marginal_likelihood();
      process = trial;
      fitted_length_scale_ = scale;
    }
  }
  if (!std::isfinite(best_likelihood)) return uniform_in_box();

  const double best_standardized = targets.minCoeff();
  const Vec best_unit = to_unit(best_point());
  // Half uniform in the box, half in clouds around the incumbent at three scales (5%, 1%, 0.2%
  // of the box) that refine it.
  const std::array<double, 3> cloud_scales = {0.05, 0.01, 0.002};
  std::normal_distribution<double> normal(0.0, 1.0);
  const Eigen::Index dimension = lower().size();
  Mat candidates(dimension, candidates_);
  for (int k = 0; k < candidates_; ++k) {
    if (k % 2 == 0) {
      candidates.col(k) = to_unit(uniform_in_box());
      continue;
    }
    const double scale = cloud_scales[static_cast<size_t>(k / 2) % cloud_scales.size()];
    for (Eigen::Index i = 0; i < dimension; ++i) {
      candidates(i, k) = std::clamp(best_unit[i] + scale * normal(generator()), 0.0, 1.0);
    }
  }
  const std::vector<GaussianPrediction> predictions = process.predict_many(candidates);
  Eigen::Index best_index = 0;
  double best_improvement = -1.0;
  for (int k = 0; k < candidates_; ++k) {
    const double improvement =
        expected_improvement(predictions[static_cast<size_t>(k)], best_standardized, xi_ / unit);
    if (improvement > best_improvement) {
      best_improvement = improvement;
      best_index = k;
    }
  }
  return lower() + candidates.col(best_index).cwiseProduct(upper() - lower());
}

void BayesianOptimization::step(const StepContext& context, Vec& x) {
  start_if_needed(context, x);
  if (static_cast<int>(evaluations().size()) >= max_evaluations_) {
    x = best_point();
    return;
  }
  // The start point counts as the first of the initial design.
  const bool initial_design = static_cast<int>(evaluations().size()) < initial_points_;
  evaluate(context.oracle, initial_design ? uniform_in_box() : next_point());
  x = best_point();
}

}  // namespace lv
