// Nelder–Mead simplex search as specified by Lagarias, Reeds, Wright & Wright 1998 ("Convergence
// Properties of the Nelder–Mead Simplex Method in Low Dimensions", SIAM J. Optim. 9(1), Sec. 2):
// coefficients ρ = 1, χ = 2, γ = ½, σ = ½ and their tie-breaking rules. One iteration per step; x
// shows the best vertex. The initial simplex is x0 and x0 + initial_step·e_i.
#pragma once

#include <vector>

#include "optim/derivative_free.hpp"

namespace lv {

enum class SimplexMove { None, Reflect, Expand, ContractOutside, ContractInside, Shrink };

class NelderMead final : public DerivativeFreeOptimizer {
 public:
  NelderMead();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

  // The simplex ordered best first, and the move of the last iteration.
  const std::vector<SearchPoint>& simplex() const { return simplex_; }
  SimplexMove last_move() const { return last_move_; }

 private:
  void order();
  SimplexMove iterate(Oracle& oracle);
  void shrink(Oracle& oracle);

  double reflection_ = 0.0, expansion_ = 0.0, contraction_ = 0.0, shrinkage_ = 0.0;
  double initial_step_ = 0.0;
  std::vector<SearchPoint> simplex_;
  SimplexMove last_move_ = SimplexMove::None;
};

const char* simplex_move_name(SimplexMove move);

}  // namespace lv
