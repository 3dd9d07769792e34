// Syntax tree of a parsed formula, stored as an arena of nodes (children by index).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lv {

// Every operation the formula language knows. Unary and binary built-ins share the enum with the
// operators so the compiler and the code generators switch over one list.
enum class Op : uint8_t {
  // leaves
  Constant,
  Variable,
  Parameter,
  // binary
  Add,
  Sub,
  Mul,
  Div,
  Pow,
  Atan2,
  Min,
  Max,
  // unary
  Neg,
  Sin,
  Cos,
  Tan,
  Exp,
  Log,
  Sqrt,
  Abs,
  Tanh,
  Sigmoid,
  Softplus,
  // specialisations made by the compiler (never produced by the parser)
  Square,        // a^2
  PowConst,      // a^k, k an immediate number
  PowFixed,      // a^b, b a register that does not depend on the variables (a parameter)
  AddConst,      // a + k
  MulConst,      // a * k
  SubFromConst,  // k - a
  DivFromConst,  // k / a
};

bool is_binary(Op op);
bool is_unary(Op op);
const char* op_name(Op op);

struct AstNode {
  Op op = Op::Constant;
  double value = 0.0;  // Constant
  int index = 0;       // Variable / Parameter slot
  int column = 0;      // 1-based column in the source, for error messages
  int left = -1;       // child node indices (-1 when absent)
  int right = -1;
};

struct Ast {
  std::vector<AstNode> nodes;
  int root = -1;
};

}  // namespace lv
