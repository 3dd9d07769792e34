#include "curvature/sharpness.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "common/errors.hpp"
#include "curvature/hutchinson_trace.hpp"
#include "curvature/lanczos.hpp"

namespace lv {

namespace {

void check_point(const Objective& objective, const Vec& x) {
  if (x.size() != objective.dim()) {
    throw InputError("the point has " + std::to_string(x.size()) + " entries, expected " +
                     std::to_string(objective.dim()));
  }
}

Vec gaussian_vector(Eigen::Index n, uint64_t seed) {
  std::mt19937_64 generator(seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  Vec v(n);
  for (Eigen::Index i = 0; i < n; ++i) v[i] = normal(generator);
  return v;
}

// The objective restricted to one block of the parameters, the rest held at `base`: its Hessian
// is the diagonal block H[b, b] of the full Hessian.
class BlockObjective : public Objective {
 public:
  BlockObjective(const Objective& full, const Vec& base, const ParameterBlock& block)
      : full_(full), base_(base), block_(block) {}

  int dim() const override { return static_cast<int>(block_.size); }
  double value(const Vec& z) const override { return full_.value(embed(z)); }
  double value_gradient(const Vec& z, Vec& gradient) const override {
    Vec full_gradient;
    const double value = full_.value_gradient(embed(z), full_gradient);
    gradient = full_gradient.segment(block_.offset, block_.size);
    return value;
  }
  Vec hvp(const Vec& z, const Vec& v) const override {
    Vec direction = Vec::Zero(base_.size());
    direction.segment(block_.offset, block_.size) = v;
    return full_.hvp(embed(z), direction).segment(block_.offset, block_.size);
  }
  bool has_dense_hessian() const override { return dim() <= 512; }

 private:
  Vec embed(const Vec& z) const {
    Vec x = base_;
    x.segment(block_.offset, block_.size) = z;
    return x;
  }

  const Objective& full_;
  const Vec& base_;
  const ParameterBlock& block_;
};

// v ↦ D H D v with D = P^(-1/2): only hvp() is meaningful (what Lanczos uses).
class PreconditionedHessian : public Objective {
 public:
  PreconditionedHessian(const Objective& full, Vec scale) : full_(full), scale_(std::move(scale)) {}
  int dim() const override { return full_.dim(); }
  double value(const Vec& x) const override { return full_.value(x); }
  double value_gradient(const Vec& x, Vec& gradient) const override {
    return full_.value_gradient(x, gradient);
  }
  Vec hvp(const Vec& x, const Vec& v) const override {
    return scale_.cwiseProduct(full_.hvp(x, scale_.cwiseProduct(v)));
  }
  bool has_dense_hessian() const override { return full_.has_dense_hessian(); }

 private:
  const Objective& full_;
  Vec scale_;
};

}  // namespace

LargestEigen largest_preconditioned_eigenvalue(const Objective& objective, const Vec& x,
                                               const Vec& preconditioner, const Vec& warm_start,
                                               const LargestEigenSettings& settings) {
  if (preconditioner.size() != objective.dim() || !(preconditioner.array() > 0.0).all() ||
      !preconditioner.allFinite()) {
    throw InputError("the preconditioner must have " + std::to_string(objective.dim()) +
                     " positive finite entries");
  }
  const PreconditionedHessian scaled(objective, preconditioner.cwiseSqrt().cwiseInverse());
  return largest_hessian_eigenvalue(scaled, x, warm_start, settings);
}

LargestEigen largest_hessian_eigenvalue(const Objective& objective, const Vec& x,
                                        const Vec& warm_start,
                                        const LargestEigenSettings& settings) {
  check_point(objective, x);
  if (settings.max_steps < 1 || !(settings.relative_residual > 0.0)) {
    throw InputError("Lanczos needs at least 1 step and a positive residual tolerance");
  }
  const Eigen::Index n = x.size();
  LargestEigen result;
  if (n == 0) return result;
  // A small random part keeps the Krylov space from being stuck in an invariant subspace when
  // the warm start happens to be an eigenvector of a lower eigenvalue.
  Vec start = gaussian_vector(n, settings.seed);
  if (warm_start.size() == n && warm_start.allFinite() && warm_start.norm() > 0.0) {
    start = warm_start.normalized() + 1e-3 * start.normalized();
  }
  Vec ritz_coefficients;
  const LanczosRun run = lanczos(
      objective, x, start, settings.max_steps,
      [&](const Vec& alpha, const Vec& beta, double residual_norm) {
        // The largest Ritz pair of the tridiagonal so far and its residual ‖r‖·|s_j|.
        Eigen::SelfAdjointEigenSolver<Mat> solver;
        solver.computeFromTridiagonal(alpha, beta, Eigen::ComputeEigenvectors);
        const Eigen::Index j = alpha.size() - 1;
        result.value = solver.eigenvalues()[j];
        ritz_coefficients = solver.eigenvectors().col(j);
        result.residual = residual_norm * std::abs(ritz_coefficients[j]);
        if (!std::isfinite(result.value)) return true;
        const bool exhausted = residual_norm <= 1e-12 * std::max(1.0, std::abs(result.value));
        result.converged = result.residual <= settings.relative_residual * std::abs(result.value) ||
                           exhausted || j + 1 == n;
        return result.converged;
      });
  result.hessian_vector_products = run.hessian_vector_products;
  result.vector = (run.basis.leftCols(ritz_coefficients.size()) * ritz_coefficients).normalized();
  return result;
}

EpsilonSharpness epsilon_sharpness(const Objective& objective, const Vec& x,
                                   const EpsilonSharpnessSettings& settings) {
  check_point(objective, x);
  if (!(settings.epsilon > 0.0) || settings.steps < 1) {
    throw InputError("epsilon-sharpness needs epsilon > 0 and at least 1 step");
  }
  EpsilonSharpness result;
  result.loss = objective.value(x);
  result.max_loss = result.loss;
  const Vec radius = settings.epsilon * (x.array().abs() + 1.0).matrix();
  // Sign steps of 2.5/steps of the box (Madry et al.'s PGD step for an L∞ ball): the ascent can
  // cross the box and still come back within the budget.
  const Vec step = (2.5 / settings.steps) * radius;
  std::mt19937_64 generator(settings.seed);
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  Vec offset(x.size());
  for (Eigen::Index i = 0; i < offset.size(); ++i) offset[i] = 0.5 * radius[i] * uniform(generator);
  Vec gradient;
  for (int k = 0; k < settings.steps; ++k) {
    const double value = objective.value_gradient(x + offset, gradient);
    if (std::isfinite(value)) result.max_loss = std::max(result.max_loss, value);
    if (!gradient.allFinite()) break;
    offset += step.cwiseProduct(
        gradient.unaryExpr([](double g) { return static_cast<double>((g > 0.0) - (g < 0.0)); }));
    offset = offset.cwiseMax(-radius).cwiseMin(radius);
  }
  const double last = objective.value(x + offset);
  if (std::isfinite(last)) result.max_loss = std::max(result.max_loss, last);
  result.sharpness = 100.0 * (result.max_loss - result.loss) / (1.0 + result.loss);
  return result;
}

SamSharpness sam_sharpness(const Objective& objective, const Vec& x, double rho) {
  check_point(objective, x);
  if (!(rho > 0.0) || !std::isfinite(rho)) throw InputError("SAM's rho must be > 0");
  SamSharpness result;
  Vec gradient;
  result.loss = objective.value_gradient(x, gradient);
  result.perturbed_loss = result.loss;
  const double norm = gradient.norm();
  if (norm > 0.0 && std::isfinite(norm)) {
    result.perturbed_loss = objective.value(x + (rho / norm) * gradient);
  }
  result.sharpness = result.perturbed_loss - result.loss;
  return result;
}

std::vector<BlockCurvature> block_curvature(const Objective& objective, const Vec& x,
                                            const std::vector<ParameterBlock>& blocks,
                                            const BlockCurvatureSettings& settings) {
  check_point(objective, x);
  std::vector<BlockCurvature> result;
  for (const ParameterBlock& block : blocks) {
    if (block.offset < 0 || block.size < 1 || block.offset + block.size > x.size()) {
      throw InputError("parameter block '" + block.name + "' lies outside the parameters");
    }
    const BlockObjective restricted(objective, x, block);
    const Vec z = x.segment(block.offset, block.size);
    BlockCurvature curvature;
    curvature.name = block.name;
    const TopEigenResult top = top_hessian_eigenvalues(restricted, z, 1, settings.eigen);
    curvature.top_eigenvalue =
        top.values.size() > 0 ? top.values[0] : std::numeric_limits<double>::quiet_NaN();
    curvature.top_residual = top.residuals.size() > 0 ? top.residuals[0] : 0.0;
    curvature.status = top.status;
    if (block.size <= settings.exact_trace_limit) {
      Vec unit = Vec::Zero(block.size);
      for (Eigen::Index i = 0; i < block.size; ++i) {
        unit[i] = 1.0;
        curvature.trace += restricted.hvp(z, unit)[i];
        unit[i] = 0.0;
      }
    } else {
      const TraceEstimate estimate =
          hutchinson_trace(restricted, z, settings.trace_probes, settings.seed);
      curvature.trace = estimate.trace;
      curvature.trace_standard_error = estimate.standard_error;
    }
    result.push_back(curvature);
  }
  return result;
}

}  // namespace lv
