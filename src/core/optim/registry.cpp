#include "optim/registry.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"
#include "optim/bfgs.hpp"
#include "optim/conjugate_gradient.hpp"
#include "optim/gauss_newton.hpp"
#include "optim/gradient_descent.hpp"
#include "optim/lbfgs.hpp"
#include "optim/natural_gradient.hpp"
#include "optim/newton.hpp"
#include "optim/sgd.hpp"

namespace lv {

namespace {
template <typename T>
OptimizerInfo entry(std::string name, std::string summary) {
  return {std::move(name), std::move(summary), [] { return std::make_unique<T>(); }};
}
}  // namespace

const std::vector<OptimizerInfo>& optimizer_registry() {
  static const std::vector<OptimizerInfo> registry = {
      entry<Sgd>("sgd", "stochastic gradient descent with momentum / Nesterov (torch.optim.SGD)"),
      entry<GradientDescent>("gd", "plain gradient descent, fixed step or line search"),
      {"newton", "Newton's method (dense Hessian or truncated CG)",
       [] { return std::make_unique<Newton>(NewtonVariant::Plain); }},
      {"damped_newton", "Levenberg-Marquardt damped / saddle-free Newton",
       [] { return std::make_unique<Newton>(NewtonVariant::Damped); }},
      entry<GaussNewton>("gauss_newton",
                         "Gauss-Newton / Levenberg-Marquardt for sums of squared residuals"),
      entry<Bfgs>("bfgs", "BFGS quasi-Newton with strong Wolfe line search"),
      entry<Lbfgs>(
          "lbfgs",
          "limited-memory BFGS, two-loop recursion (torch.optim.LBFGS, one iteration per step)"),
      entry<ConjugateGradient>("cg",
                               "nonlinear conjugate gradient (Fletcher-Reeves, Polak-Ribiere+)"),
      entry<NaturalGradient>("natural_gradient",
                             "natural gradient with a chosen metric and damping"),
  };
  return registry;
}

std::unique_ptr<Optimizer> make_optimizer(std::string_view name) {
  std::vector<std::string> names;
  for (const OptimizerInfo& info : optimizer_registry()) {
    if (info.name == name) return info.make();
    names.push_back(info.name);
  }
  std::string message = "unknown optimizer '" + std::string(name) + "'";
  if (const auto suggestion = closest_match(name, names)) {
    message += " (did you mean '" + *suggestion + "'?)";
  }
  throw InputError(message + "; see 'lossviz-cli list optimizers'");
}

}  // namespace lv
