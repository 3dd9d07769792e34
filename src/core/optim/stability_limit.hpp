// The stability limit of fixed-step first-order methods: the largest curvature λ (Hessian
// eigenvalue) on which an optimizer with a given learning rate does not blow up. On f = ½λx²
// gradient descent is x ← (1 − ηλ)x, stable iff λ ≤ 2/η; heavy-ball momentum β raises the limit
// to (2 + 2β)/η, Nesterov momentum (torch.optim.SGD's form) to (2 + 2β)/((1 + 2β)η) (derivations
// in the source). Where λmax of the Hessian passes the limit, the run oscillates and grows along
// that eigenvector ("edge of stability", Cohen et al. 2021). Methods whose step adapts to the
// curvature (the Adam family, line searches, Newton) have no such limit. GL-free.
#pragma once

#include <optional>

#include "optim/optimizer.hpp"

namespace lv {

// The limit of SGD as torch.optim.SGD computes it (dampening τ scales the gradient entering the
// momentum buffer, weight decay w adds w to every curvature): the largest λ of f for which the
// iteration on f = ½λx² is stable. nullopt when no finite limit exists (lr ≤ 0, dampening 1).
std::optional<double> sgd_stability_limit(double learning_rate, double momentum, double dampening,
                                          bool nesterov, double weight_decay = 0.0);

// The limit of `optimizer` with its hyperparameters at `learning_rate` (this step's lr, the
// schedule applied): sgd (not maximizing) and gd without a line search; nullopt for every other
// method, where no fixed-step limit applies.
std::optional<double> stability_limit(const Optimizer& optimizer, double learning_rate);

}  // namespace lv
