#include "optim/registry.hpp"

#include "common/name_lookup.hpp"
#include "optim/adadelta.hpp"
#include "optim/adafactor.hpp"
#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/adamax.hpp"
#include "optim/adamw.hpp"
#include "optim/admm.hpp"
#include "optim/augmented_lagrangian.hpp"
#include "optim/bayesian_optimization.hpp"
#include "optim/bfgs.hpp"
#include "optim/cma_es.hpp"
#include "optim/conjugate_gradient.hpp"
#include "optim/gauss_newton.hpp"
#include "optim/gradient_descent.hpp"
#include "optim/grid_search.hpp"
#include "optim/lamb.hpp"
#include "optim/lars.hpp"
#include "optim/lbfgs.hpp"
#include "optim/log_barrier.hpp"
#include "optim/nadam.hpp"
#include "optim/natural_gradient.hpp"
#include "optim/nelder_mead.hpp"
#include "optim/newton.hpp"
#include "optim/penalty_method.hpp"
#include "optim/projected_gradient.hpp"
#include "optim/radam.hpp"
#include "optim/random_search.hpp"
#include "optim/regularized_optimizer.hpp"
#include "optim/rmsprop.hpp"
#include "optim/sam.hpp"
#include "optim/sgd.hpp"
#include "optim/simulated_annealing.hpp"

namespace lv {

namespace {
template <typename T>
OptimizerInfo entry(std::string name, std::string summary) {
  return {std::move(name), std::move(summary), [] { return std::make_unique<T>(); }};
}
template <typename T>
OptimizerInfo wrapper(std::string name, std::string summary) {
  OptimizerInfo info = entry<T>(std::move(name), std::move(summary));
  info.is_wrapper = true;
  return info;
}
}  // namespace

const std::vector<OptimizerInfo>& optimizer_registry() {
  static const std::vector<OptimizerInfo> registry = {
      entry<Sgd>("sgd", "stochastic gradient descent with momentum / Nesterov (torch.optim.SGD)"),
      entry<Adagrad>("adagrad", "steps scaled by summed squared gradients (torch.optim.Adagrad)"),
      entry<RmsProp>("rmsprop", "steps scaled by a running mean of g^2 (torch.optim.RMSprop)"),
      entry<Adam>("adam", "momentum + RMS scaling with bias correction (torch.optim.Adam)"),
      entry<AdamW>("adamw", "Adam with decoupled weight decay (torch.optim.AdamW)"),
      entry<NAdam>("nadam", "Adam with Nesterov momentum (torch.optim.NAdam)"),
      entry<RAdam>("radam", "Adam with a rectified adaptive step (torch.optim.RAdam)"),
      entry<Adamax>("adamax", "Adam with the infinity norm (torch.optim.Adamax)"),
      entry<Adadelta>("adadelta", "running means of g^2 and of dx^2 (torch.optim.Adadelta)"),
      entry<Lars>("lars", "layer-wise trust-ratio momentum SGD (You et al. 2017, Alg. 1)"),
      entry<Lamb>("lamb", "layer-wise trust-ratio Adam (You et al. 2019, Alg. 2)"),
      entry<Adafactor>("adafactor",
                       "factored second moments, relative step (Shazeer & Stern 2018)"),
      wrapper<Sam>("sam",
                   "sharpness-aware minimization around a base optimizer (Foret et al. 2021)"),
      wrapper<Asam>("asam", "adaptive SAM, T_w = |w| + eta (Kwon et al. 2021)"),
      wrapper<ProjectedGradient>(
          "projected",
          "a base optimizer followed by projection onto the constraints (--constraint)"),
      entry<PenaltyMethod>(
          "penalty", "quadratic penalty with increasing mu, Newton inner steps (N&W Fw. 17.1)"),
      entry<LogBarrier>(
          "log_barrier",
          "log-barrier interior point from a strictly feasible start (B&V Alg. 11.1)"),
      entry<AugmentedLagrangian>("augmented_lagrangian",
                                 "method of multipliers, Newton inner steps (N&W Fw. 17.3)"),
      entry<Admm>("admm",
                  "ADMM for min f(x) + l1*|z|_1 s.t. x = z, e.g. the lasso (Boyd et al. 2011)"),
      entry<GridSearch>("grid_search", "regular grid over a box, best so far (derivative-free)"),
      entry<RandomSearch>("random_search",
                          "uniform random points in a box, best so far (derivative-free)"),
      entry<SimulatedAnnealing>("simulated_annealing",
                                "Metropolis chain with a cooling temperature (derivative-free)"),
      entry<CmaEs>("cma_es", "covariance matrix adaptation evolution strategy (Hansen 2016)"),
      entry<NelderMead>("nelder_mead", "downhill simplex with Lagarias et al. 1998 coefficients"),
      entry<BayesianOptimization>("bayesian_optimization",
                                  "GP surrogate + expected improvement (derivative-free)"),
      wrapper<RegularizedOptimizer>(
          "regularized",
          "L1 (proximal or subgradient), L2, elastic net, decoupled decay around a base"),
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
  return find_by_name(optimizer_registry(), name, "optimizer").make();
}

}  // namespace lv
