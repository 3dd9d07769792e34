#include "expr/ast.hpp"

namespace lv {

bool is_binary(Op op) {
  switch (op) {
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
    case Op::Pow:
    case Op::PowFixed:
    case Op::Atan2:
    case Op::Min:
    case Op::Max:
      return true;
    default:
      return false;
  }
}

bool is_unary(Op op) {
  return !is_binary(op) && op != Op::Constant && op != Op::Variable && op != Op::Parameter;
}

const char* op_name(Op op) {
  switch (op) {
    case Op::Constant:
      return "const";
    case Op::Variable:
      return "var";
    case Op::Parameter:
      return "param";
    case Op::Add:
      return "add";
    case Op::Sub:
      return "sub";
    case Op::Mul:
      return "mul";
    case Op::Div:
      return "div";
    case Op::Pow:
      return "pow";
    case Op::PowFixed:
      return "pow_fixed";
    case Op::Atan2:
      return "atan2";
    case Op::Min:
      return "min";
    case Op::Max:
      return "max";
    case Op::Neg:
      return "neg";
    case Op::Sin:
      return "sin";
    case Op::Cos:
      return "cos";
    case Op::Tan:
      return "tan";
    case Op::Exp:
      return "exp";
    case Op::Log:
      return "log";
    case Op::Sqrt:
      return "sqrt";
    case Op::Abs:
      return "abs";
    case Op::Tanh:
      return "tanh";
    case Op::Sigmoid:
      return "sigmoid";
    case Op::Softplus:
      return "softplus";
    case Op::Square:
      return "square";
    case Op::PowConst:
      return "pow_const";
    case Op::AddConst:
      return "add_const";
    case Op::MulConst:
      return "mul_const";
    case Op::SubFromConst:
      return "sub_from_const";
    case Op::DivFromConst:
      return "div_from_const";
  }
  return "?";
}

}  // namespace lv
