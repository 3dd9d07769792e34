// lossviz-cli hessian: value, gradient, Hessian and its eigen-decomposition at a point.
#include <Eigen/Eigenvalues>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/selection.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv::cli {

int hessian_command(const Args& args) {
  std::vector<FlagSpec> specs = selection_flags();
  specs.push_back({"at"});
  specs.push_back({"json", false});
  const Arguments arguments(args, specs);
  const Selection selection = select_objective(arguments);
  const auto at = arguments.point("at");
  if (!at) throw InputError("missing --at X,Y");
  if (at->size() != selection.objective.dim()) {
    throw InputError("--at has " + std::to_string(at->size()) + " coordinates but '" +
                     selection.label + "' has " + std::to_string(selection.objective.dim()) +
                     " variables");
  }
  if (!at->allFinite()) throw InputError("--at: the point is not finite");
  Vec gradient;
  Mat hessian;
  const double value = selection.objective.expr().value_gradient_hessian(*at, gradient, hessian);
  // JSON has no inf or NaN, and an eigen-decomposition of them is noise: a point where the
  // formula is not finite (a pole, log of a negative number) is an error, not an answer.
  if (!std::isfinite(value) || !gradient.allFinite() || !hessian.allFinite()) {
    const char* what =
        !std::isfinite(value) ? "value" : (!gradient.allFinite() ? "gradient" : "Hessian");
    throw InputError("--at " + *arguments.value("at") + ": the " + what + " of '" +
                     selection.label + "' is not finite there (f = " + format_shortest(value) +
                     ")");
  }
  const Eigen::SelfAdjointEigenSolver<Mat> solver(hessian);  // eigenvalues ascending

  auto to_vector = [](const Vec& v) { return std::vector<double>(v.data(), v.data() + v.size()); };
  nlohmann::json rows = nlohmann::json::array();
  for (Eigen::Index i = 0; i < hessian.rows(); ++i) rows.push_back(to_vector(hessian.row(i)));
  nlohmann::json vectors = nlohmann::json::array();
  for (Eigen::Index i = 0; i < hessian.rows(); ++i)
    vectors.push_back(to_vector(solver.eigenvectors().col(i)));
  const nlohmann::json document = {{"value", value},
                                   {"gradient", to_vector(gradient)},
                                   {"hessian", rows},
                                   {"eigenvalues", to_vector(solver.eigenvalues())},
                                   {"eigenvectors", vectors}};
  if (arguments.has("json")) {
    std::printf("%s\n", document.dump(2).c_str());
    return 0;
  }
  std::printf("f        = %.17g\n", value);
  std::printf("gradient = %s\n", document["gradient"].dump().c_str());
  std::printf("hessian  = %s\n", rows.dump().c_str());
  for (Eigen::Index i = 0; i < hessian.rows(); ++i) {
    std::printf("eigenvalue %.17g  eigenvector %s\n", solver.eigenvalues()[i],
                vectors[i].dump().c_str());
  }
  return 0;
}

}  // namespace lv::cli
