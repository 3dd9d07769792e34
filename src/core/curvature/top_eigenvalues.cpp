#include "curvature/top_eigenvalues.hpp"

#include <Spectra/SymEigsSolver.h>
#include <Eigen/Eigenvalues>
#include <algorithm>

#include "common/errors.hpp"

namespace lv {

namespace {

// The operator interface Spectra's solvers take: y = H(x)·v through the objective's HVP.
class HessianOperator {
 public:
  using Scalar = double;

  HessianOperator(const Objective& objective, const Vec& point)
      : objective_(objective), point_(point) {}

  Eigen::Index rows() const { return point_.size(); }
  Eigen::Index cols() const { return point_.size(); }
  void perform_op(const double* input, double* output) const {
    ++products_;
    const Vec product = objective_.hvp(point_, Eigen::Map<const Vec>(input, point_.size()));
    Eigen::Map<Vec>(output, point_.size()) = product;
  }
  long products() const { return products_; }

 private:
  const Objective& objective_;
  const Vec& point_;
  mutable long products_ = 0;
};

TopEigenResult dense_top(const Objective& objective, const Vec& x, int k) {
  const Eigen::SelfAdjointEigenSolver<Mat> solver(objective.hessian(x));
  TopEigenResult result;
  const Eigen::Index n = x.size();
  result.values = solver.eigenvalues().tail(k).reverse();
  result.vectors = solver.eigenvectors().rightCols(k).rowwise().reverse();
  result.hessian_vector_products = n;
  if (solver.info() != Eigen::Success) result.status = EigenStatus::NumericalIssue;
  return result;
}

EigenStatus status_of(Spectra::CompInfo info) {
  switch (info) {
    case Spectra::CompInfo::Successful:
      return EigenStatus::Converged;
    case Spectra::CompInfo::NotConverging:
      return EigenStatus::NotConverged;
    default:
      return EigenStatus::NumericalIssue;
  }
}

}  // namespace

const char* eigen_status_name(EigenStatus status) {
  switch (status) {
    case EigenStatus::Converged:
      return "converged";
    case EigenStatus::NotConverged:
      return "not_converged";
    case EigenStatus::NumericalIssue:
      return "numerical_issue";
  }
  return "?";
}

TopEigenResult top_hessian_eigenvalues(const Objective& objective, const Vec& x, int k,
                                       const TopEigenSettings& settings) {
  const int n = objective.dim();
  if (k < 1) throw InputError("the number of eigenvalues must be >= 1, got " + std::to_string(k));
  if (x.size() != n)
    throw InputError("the point has " + std::to_string(x.size()) + " entries, expected " +
                     std::to_string(n));
  k = std::min(k, n);
  TopEigenResult result;
  if (k >= n - 1) {
    result = dense_top(objective, x, k);
  } else {
    HessianOperator op(objective, x);
    // ncv ≥ 2k + 1 as Spectra advises, at least 20 for robust restarts, at most n.
    const int subspace = std::min(n, std::max(2 * k + 1, 20));
    Spectra::SymEigsSolver<HessianOperator> solver(op, k, subspace);
    solver.init();
    solver.compute(Spectra::SortRule::LargestAlge, settings.max_iterations, settings.tolerance,
                   Spectra::SortRule::LargestAlge);
    result.status = status_of(solver.info());
    result.hessian_vector_products = op.products();
    if (result.status == EigenStatus::NumericalIssue) return result;
    result.values = solver.eigenvalues();
    result.vectors = solver.eigenvectors();
  }
  result.residuals.resize(result.values.size());
  for (Eigen::Index i = 0; i < result.values.size(); ++i) {
    const Vec v = result.vectors.col(i);
    result.residuals[i] = (objective.hvp(x, v) - result.values[i] * v).norm();
  }
  result.hessian_vector_products += result.values.size();
  return result;
}

}  // namespace lv
