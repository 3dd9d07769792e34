// The CPU-side instruction stream of a Program: the GLSL-visible instruction list rewritten with
// superinstructions for common patterns ((a − b)², a·b + c, ...) and with parameter-only
// instructions marked, so the evaluators dispatch fewer, cheaper instructions.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "expr/ast.hpp"

namespace lv {

struct Instruction;

// What a lowered instruction computes. Fused kernels replace an instruction together with the
// single-use instruction that feeds it; the evaluators give them exactly the same rounding as
// the unfused pair (no fused multiply-add), so values and gradients do not change.
enum class Kernel : uint8_t {
  Invariant,  // any op whose result is free of the variables: value only, zero derivatives
  Generic,    // any op through its local partial derivatives
  Add,
  Sub,
  Mul,
  Square,
  AddConst,
  MulConst,
  SubFromConst,
  Neg,
  ScaleBy,           // a * b, a free of the variables
  SquareOfSub,       // (a - b)^2
  SquareOfAddConst,  // (a + k)^2; (k - a)^2 lowers to (a + (-k))^2, the same number
  MulAdd,            // a * b + c
  ScaleAdd,          // a * b + c, a free of the variables
  MulConstAdd,       // k * a + b
  SquareAdd,         // a * a + b
};

struct LoweredInstruction {
  Kernel kernel = Kernel::Generic;
  Op op = Op::Constant;  // the original operation (Invariant and Generic evaluate it)
  // Register written and operand registers. An unused operand names register 0 (a variable,
  // always written first), so the evaluators read operands without checking for absent ones.
  int32_t out = -1;
  int32_t a = 0;
  int32_t b = 0;
  int32_t c = 0;
  double k = 0.0;  // immediate constant
};

// Rewrites `code` (register r = first_register + index) into the lowered stream. `depends[r]`
// says whether register r depends on the variables; `output` is the formula's register. The
// program must have at least one variable (register 0).
std::vector<LoweredInstruction> lower(std::span<const Instruction> code, int first_register,
                                      const std::vector<bool>& depends, int output);

}  // namespace lv
