// A parsed formula compiled to a flat list of register instructions, evaluated by one loop with
// no tree walking and no virtual calls. Registers [0, variables) hold the variables, the next
// `parameters` registers the parameter values, then one register per instruction. Derivatives
// come from forward-mode automatic differentiation: every instruction knows its local first and
// second partial derivatives and the loop applies the chain rule to gradients (and Hessians).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "common/types.hpp"
#include "expr/ast.hpp"
#include "expr/lowering.hpp"

namespace lv {

struct Instruction {
  Op op = Op::Constant;
  int32_t a = -1;  // operand registers (-1 when unused)
  int32_t b = -1;
  double k = 0.0;  // immediate constant (Constant, *Const ops)
};

class Program {
 public:
  // Compiles a syntax tree. Folds constant sub-expressions and specialises operations with a
  // numeric operand (x^2 -> Square, 2*x -> MulConst, ...).
  static Program compile(const Ast& ast, int variable_count, int parameter_count);

  int variable_count() const { return variable_count_; }
  int parameter_count() const { return parameter_count_; }
  int register_count() const {
    return variable_count_ + parameter_count_ + static_cast<int>(code_.size());
  }
  int output_register() const { return output_; }
  // The instruction list as compiled (what the GLSL generator and the Hessian evaluator walk).
  std::span<const Instruction> code() const { return code_; }
  // The same program lowered for the CPU fast paths: fused superinstructions (see lowering.hpp).
  std::span<const LoweredInstruction> lowered_code() const { return lowered_; }
  // Whether register r depends on the variables (false for parameters and constants).
  bool depends_on_variables(int reg) const { return depends_[reg]; }

  // The fast paths (value, value_gradient, values, values_gradients) run lowered_code(); the
  // Hessian path runs code() through the generic local partials.
  // f(x). `x` has variable_count() entries, `parameters` parameter_count() entries.
  double value(const double* x, const double* parameters) const;
  // f(x) and ∇f(x) into gradient[0..variable_count()).
  double value_gradient(const double* x, const double* parameters, double* gradient) const;
  // f(x), ∇f(x) and the dense Hessian (row-major, variable_count()² entries).
  double value_gradient_hessian(const double* x, const double* parameters, double* gradient,
                                double* hessian) const;
  // Values at many points at once: points is count × variable_count() row-major. Amortises the
  // instruction dispatch over a block of points (used for grids and plots).
  void values(const double* points, int count, const double* parameters, double* out) const;
  // Values and gradients (gradients: count × 2, row-major) at many points of a 2D formula.
  void values_gradients(const double* points, int count, const double* parameters,
                        double* values_out, double* gradients_out) const;

 private:
  int variable_count_ = 0;
  int parameter_count_ = 0;
  int output_ = 0;
  std::vector<Instruction> code_;
  std::vector<bool> depends_;
  std::vector<LoweredInstruction> lowered_;
};

}  // namespace lv
