// L-BFGS: BFGS that keeps only the last m pairs (sᵢ, yᵢ) and applies the inverse-Hessian
// approximation by the two-loop recursion (Nocedal & Wright, Numerical Optimization 2nd ed.,
// Alg. 7.4, with H₀ = γI, γ = sᵀy/yᵀy of the newest pair, eq. 7.20), as torch.optim.LBFGS.
// One step() is one iteration (torch's max_iter = 1); history_size m is torch's name (default
// here 10, the usual textbook choice, where torch uses 100).
#pragma once

#include <deque>

#include "optim/line_search.hpp"

namespace lv {

struct CurvaturePair {
  Vec step;             // s = xₖ₊₁ − xₖ
  Vec gradient_change;  // y = ∇fₖ₊₁ − ∇fₖ
};

// −Hₖ g by the two-loop recursion over `history` (oldest first); −g when it is empty.
Vec lbfgs_direction(const std::deque<CurvaturePair>& history, const Vec& gradient);

class Lbfgs final : public Optimizer {
 public:
  bool full_batch() const override { return true; }
  Lbfgs();
  void reset(const Vec& x0) override;
  void step(const StepContext& context, Vec& x) override;

  const std::deque<CurvaturePair>& history() const { return history_; }

 private:
  int history_size_ = 10;
  LineSearch line_search_;
  std::deque<CurvaturePair> history_;
  bool has_previous_ = false;
  Vec previous_x_;
  Vec previous_gradient_;
  Vec direction_;
};

}  // namespace lv
