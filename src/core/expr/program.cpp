#include "expr/program.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <optional>

namespace lv {

// ---- Contents: local derivatives, compiler, evaluation loops ------------------------------------

// ==== local derivatives
// ===========================================================================
namespace {

// Local partial derivatives of one instruction: f and its first and second partials with respect
// to the operands a and b. Order 0 fills f only, 1 adds da/db, 2 adds daa/dab/dbb.
struct Local {
  double f = 0.0, da = 0.0, db = 0.0, daa = 0.0, dab = 0.0, dbb = 0.0;
};

double stable_sigmoid(double a) {
  if (a >= 0) return 1.0 / (1.0 + std::exp(-a));
  const double e = std::exp(a);
  return e / (1.0 + e);
}

double stable_softplus(double a) {
  return a > 0 ? a + std::log1p(std::exp(-a)) : std::log1p(std::exp(a));
}

template <int Order>
inline Local local(Op op, double a, double b, double k) {
  Local d;
  switch (op) {
    case Op::Constant:
    case Op::Variable:
    case Op::Parameter:
      d.f = k;
      break;
    case Op::Add:
      d.f = a + b;
      d.da = 1.0;
      d.db = 1.0;
      break;
    case Op::Sub:
      d.f = a - b;
      d.da = 1.0;
      d.db = -1.0;
      break;
    case Op::Mul:
      d.f = a * b;
      d.da = b;
      d.db = a;
      d.dab = 1.0;
      break;
    case Op::Div: {
      const double inverse = 1.0 / b;
      d.f = a * inverse;
      if constexpr (Order >= 1) {
        d.da = inverse;
        d.db = -d.f * inverse;
      }
      if constexpr (Order >= 2) {
        d.dab = -inverse * inverse;
        d.dbb = 2.0 * d.f * inverse * inverse;
      }
      break;
    }
    case Op::Pow: {
      d.f = std::pow(a, b);
      if constexpr (Order >= 1) {
        const double log_a = std::log(a);
        d.da = b * std::pow(a, b - 1.0);
        d.db = d.f * log_a;
        if constexpr (Order >= 2) {
          d.daa = b * (b - 1.0) * std::pow(a, b - 2.0);
          d.dab = std::pow(a, b - 1.0) * (1.0 + b * log_a);
          d.dbb = d.db * log_a;
        }
      }
      break;
    }
    case Op::PowFixed:
      d.f = std::pow(a, b);
      if constexpr (Order >= 1) d.da = b * std::pow(a, b - 1.0);
      if constexpr (Order >= 2) d.daa = b * (b - 1.0) * std::pow(a, b - 2.0);
      break;
    case Op::PowConst:
      d.f = std::pow(a, k);
      if constexpr (Order >= 1) d.da = k * std::pow(a, k - 1.0);
      if constexpr (Order >= 2) d.daa = k * (k - 1.0) * std::pow(a, k - 2.0);
      break;
    case Op::Atan2: {  // atan2(a = y, b = x)
      d.f = std::atan2(a, b);
      if constexpr (Order >= 1) {
        const double r2 = a * a + b * b;
        d.da = b / r2;
        d.db = -a / r2;
        if constexpr (Order >= 2) {
          const double r4 = r2 * r2;
          d.daa = -2.0 * a * b / r4;
          d.dbb = 2.0 * a * b / r4;
          d.dab = (a * a - b * b) / r4;
        }
      }
      break;
    }
    case Op::Min:
      if (a <= b) {
        d.f = a;
        d.da = 1.0;
      } else {
        d.f = b;
        d.db = 1.0;
      }
      break;
    case Op::Max:
      if (a >= b) {
        d.f = a;
        d.da = 1.0;
      } else {
        d.f = b;
        d.db = 1.0;
      }
      break;
    case Op::Neg:
      d.f = -a;
      d.da = -1.0;
      break;
    case Op::Sin:
      d.f = std::sin(a);
      if constexpr (Order >= 1) d.da = std::cos(a);
      d.daa = -d.f;
      break;
    case Op::Cos:
      d.f = std::cos(a);
      if constexpr (Order >= 1) d.da = -std::sin(a);
      d.daa = -d.f;
      break;
    case Op::Tan:
      d.f = std::tan(a);
      d.da = 1.0 + d.f * d.f;
      d.daa = 2.0 * d.f * d.da;
      break;
    case Op::Exp:
      d.f = std::exp(a);
      d.da = d.f;
      d.daa = d.f;
      break;
    case Op::Log:
      d.f = std::log(a);
      d.da = 1.0 / a;
      d.daa = -d.da * d.da;
      break;
    case Op::Sqrt:
      d.f = std::sqrt(a);
      d.da = 0.5 / d.f;
      d.daa = -0.5 * d.da / a;
      break;
    case Op::Abs:
      d.f = std::abs(a);
      d.da = a > 0 ? 1.0 : (a < 0 ? -1.0 : 0.0);
      break;
    case Op::Tanh:
      d.f = std::tanh(a);
      d.da = 1.0 - d.f * d.f;
      d.daa = -2.0 * d.f * d.da;
      break;
    case Op::Sigmoid:
      d.f = stable_sigmoid(a);
      d.da = d.f * (1.0 - d.f);
      d.daa = d.da * (1.0 - 2.0 * d.f);
      break;
    case Op::Softplus: {
      d.f = stable_softplus(a);
      const double s = stable_sigmoid(a);
      d.da = s;
      d.daa = s * (1.0 - s);
      break;
    }
    case Op::Square:
      d.f = a * a;
      d.da = 2.0 * a;
      d.daa = 2.0;
      break;
    case Op::AddConst:
      d.f = a + k;
      d.da = 1.0;
      break;
    case Op::MulConst:
      d.f = a * k;
      d.da = k;
      break;
    case Op::SubFromConst:
      d.f = k - a;
      d.da = -1.0;
      break;
    case Op::DivFromConst: {
      const double inverse = 1.0 / a;
      d.f = k * inverse;
      d.da = -d.f * inverse;
      d.daa = -2.0 * d.da * inverse;
      break;
    }
  }
  return d;
}

// ==== compiler
// ====================================================================================

// An operand while compiling: a numeric constant (not yet in a register) or a register.
struct Operand {
  bool is_constant = false;
  double constant = 0.0;
  int reg = -1;
};

class Compiler {
 public:
  Compiler(const Ast& ast, Program& program, std::vector<Instruction>& code,
           std::vector<bool>& depends)
      : ast_(ast), program_(program), code_(code), depends_(depends) {}

  // The register holding the whole formula.
  int compile_root(int node_index) { return materialize(compile(node_index)); }

 private:
  Operand compile(int node_index) {
    const AstNode& node = ast_.nodes[node_index];
    switch (node.op) {
      case Op::Constant:
        return {true, node.value, -1};
      case Op::Variable:
        return {false, 0.0, node.index};
      case Op::Parameter:
        return {false, 0.0, program_.variable_count() + node.index};
      default:
        break;
    }
    const Operand a = compile(node.left);
    const Operand b = is_binary(node.op) ? compile(node.right) : Operand{true, 0.0, -1};
    return emit(node.op, a, b, is_binary(node.op));
  }

  // Constants live outside registers until an operation needs them as a register operand.
  int materialize(const Operand& operand) {
    if (!operand.is_constant) return operand.reg;
    return push({Op::Constant, -1, -1, operand.constant}, false);
  }
  int push(Instruction instruction, bool depends) {
    code_.push_back(instruction);
    depends_.push_back(depends);
    return static_cast<int>(depends_.size()) - 1;
  }
  Operand with_constant(Op op, const Operand& a, double k) {
    return {false, 0.0, push({op, a.reg, -1, k}, depends_[a.reg])};
  }

  // Emits op(a, b), folding constants and specialising on numeric operands.
  Operand emit(Op op, const Operand& a, const Operand& b, bool binary) {
    if (a.is_constant && (!binary || b.is_constant)) {
      return {true, local<0>(op, a.constant, b.constant, 0.0).f, -1};
    }
    if (binary && (a.is_constant || b.is_constant)) {
      if (const auto specialised = specialise(op, a, b)) return *specialised;
    }
    const int ra = materialize(a);
    if (!binary) return {false, 0.0, push({op, ra, -1, 0.0}, depends_[ra])};
    const int rb = materialize(b);
    // An exponent free of the variables has no derivative: skip its log(a) term, which is
    // NaN for a negative base (x^p with a parameter p is fine for integer p).
    if (op == Op::Pow && !depends_[rb])
      return {false, 0.0, push({Op::PowFixed, ra, rb, 0.0}, depends_[ra])};
    return {false, 0.0, push({op, ra, rb, 0.0}, depends_[ra] || depends_[rb])};
  }

  // Exactly one of a, b is a numeric constant.
  std::optional<Operand> specialise(Op op, const Operand& a, const Operand& b) {
    const double k = a.is_constant ? a.constant : b.constant;
    const Operand& other = a.is_constant ? b : a;
    switch (op) {
      case Op::Add:
        return with_constant(Op::AddConst, other, k);
      case Op::Sub:
        return b.is_constant ? with_constant(Op::AddConst, a, -k)
                             : with_constant(Op::SubFromConst, b, k);
      case Op::Mul:
        return with_constant(Op::MulConst, other, k);
      case Op::Div:
        return b.is_constant ? with_constant(Op::MulConst, a, 1.0 / k)
                             : with_constant(Op::DivFromConst, b, k);
      case Op::Pow:
        if (!b.is_constant) return std::nullopt;  // k^x: general pow
        if (k == 1.0) return a;
        if (k == 2.0) return with_constant(Op::Square, a, 0.0);
        return with_constant(Op::PowConst, a, k);
      default:
        return std::nullopt;
    }
  }

  const Ast& ast_;
  Program& program_;
  std::vector<Instruction>& code_;
  std::vector<bool>& depends_;
};

}  // namespace

Program Program::compile(const Ast& ast, int variable_count, int parameter_count) {
  assert(variable_count >= 1 && "lowered instructions read register 0 for unused operands");
  Program program;
  program.variable_count_ = variable_count;
  program.parameter_count_ = parameter_count;
  program.depends_.assign(variable_count + parameter_count, false);
  std::fill(program.depends_.begin(), program.depends_.begin() + variable_count, true);
  Compiler compiler(ast, program, program.code_, program.depends_);
  program.output_ = compiler.compile_root(ast.root);
  program.lowered_ =
      lower(program.code_, variable_count + parameter_count, program.depends_, program.output_);
  return program;
}

// ==== evaluation loops
// ============================================================================
namespace {

// Registers live in a scratch buffer reused per thread, so evaluation allocates nothing after
// the first call on a thread and the Program stays immutable (safe to share across threads).
std::vector<double>& scratch(size_t size) {
  thread_local std::vector<double> buffer;
  if (buffer.size() < size) buffer.resize(size);
  return buffer;
}

// Runs the program with gradients of compile-time size N (N = 0: runtime size n) and derivative
// order `Order`. value[r], grad[r*n + i], hess[r*n*n + i*n + j].
template <int Order, int N>
double run(const Program& program, const double* x, const double* parameters, double* gradient_out,
           double* hessian_out) {
  const int n = N > 0 ? N : program.variable_count();
  const int inputs = program.variable_count() + program.parameter_count();
  const size_t registers = static_cast<size_t>(program.register_count());
  const size_t grad_size = Order >= 1 ? registers * n : 0;
  const size_t hess_size = Order >= 2 ? registers * n * n : 0;
  std::vector<double>& buffer = scratch(registers + grad_size + hess_size);
  double* value = buffer.data();
  double* grad = value + registers;
  double* hess = grad + grad_size;

  for (int v = 0; v < program.variable_count(); ++v) value[v] = x[v];
  for (int p = 0; p < program.parameter_count(); ++p) {
    value[program.variable_count() + p] = parameters[p];
  }
  if constexpr (Order >= 1) {
    std::fill(grad, grad + static_cast<size_t>(inputs) * n, 0.0);
    for (int v = 0; v < program.variable_count(); ++v) grad[v * n + v] = 1.0;
  }
  if constexpr (Order >= 2) std::fill(hess, hess + static_cast<size_t>(inputs) * n * n, 0.0);

  int r = inputs;
  for (const Instruction& instruction : program.code()) {
    const int a = instruction.a;
    const int b = instruction.b;
    const Local d = local<Order>(instruction.op, a >= 0 ? value[a] : 0.0, b >= 0 ? value[b] : 0.0,
                                 instruction.k);
    value[r] = d.f;
    if constexpr (Order >= 1) {
      double* g = grad + static_cast<size_t>(r) * n;
      if (a < 0) {
        for (int i = 0; i < n; ++i) g[i] = 0.0;
      } else if (b < 0) {
        const double* ga = grad + static_cast<size_t>(a) * n;
        for (int i = 0; i < n; ++i) g[i] = d.da * ga[i];
      } else {
        const double* ga = grad + static_cast<size_t>(a) * n;
        const double* gb = grad + static_cast<size_t>(b) * n;
        for (int i = 0; i < n; ++i) g[i] = d.da * ga[i] + d.db * gb[i];
      }
    }
    if constexpr (Order >= 2) {
      // H = da Ha + db Hb + daa ga gaᵀ + dab (ga gbᵀ + gb gaᵀ) + dbb gb gbᵀ
      double* h = hess + static_cast<size_t>(r) * n * n;
      const size_t nn = static_cast<size_t>(n) * n;
      if (a < 0) {
        std::fill(h, h + nn, 0.0);
      } else {
        const double* ga = grad + static_cast<size_t>(a) * n;
        const double* ha = hess + static_cast<size_t>(a) * nn;
        for (int i = 0; i < n; ++i) {
          for (int j = 0; j < n; ++j) h[i * n + j] = d.da * ha[i * n + j] + d.daa * ga[i] * ga[j];
        }
        if (b >= 0) {
          const double* gb = grad + static_cast<size_t>(b) * n;
          const double* hb = hess + static_cast<size_t>(b) * nn;
          for (int i = 0; i < n; ++i) {
            for (int j = 0; j < n; ++j) {
              h[i * n + j] += d.db * hb[i * n + j] + d.dab * (ga[i] * gb[j] + gb[i] * ga[j]) +
                              d.dbb * gb[i] * gb[j];
            }
          }
        }
      }
    }
    ++r;
  }

  const int out = program.output_register();
  if constexpr (Order >= 1) {
    std::copy_n(grad + static_cast<size_t>(out) * n, n, gradient_out);
  }
  if constexpr (Order >= 2) {
    std::copy_n(hess + static_cast<size_t>(out) * n * n, static_cast<size_t>(n) * n, hessian_out);
  }
  return value[out];
}

// ==== single-point fast paths
// ======================================================================
// Value-only and 2D value+gradient evaluation run the lowered stream (see lowering.hpp): fused
// superinstructions, and no derivative work for instructions free of the variables. Registers
// live on the stack for typical formulas.

// A register file of `count` entries: on the stack when small, else a per-thread buffer.
template <typename T>
class RegisterFile {
 public:
  explicit RegisterFile(int count) {
    if (count <= k_stack_registers) return;
    thread_local std::vector<T> heap;
    if (heap.size() < static_cast<size_t>(count)) heap.resize(count);
    data_ = heap.data();
  }
  T* data() { return data_; }

 private:
  static constexpr int k_stack_registers = 256;
  T stack_[k_stack_registers];
  T* data_ = stack_;
};

// The value of an Invariant or Generic instruction through the generic local partials.
inline double generic_value(const LoweredInstruction& instruction, const double* reg) {
  return local<0>(instruction.op, reg[instruction.a], reg[instruction.b], instruction.k).f;
}

inline double apply_value(const LoweredInstruction& instruction, const double* reg) {
  const double k = instruction.k;
  switch (instruction.kernel) {
    case Kernel::Invariant:
    case Kernel::Generic:
      return generic_value(instruction, reg);
    case Kernel::Add:
      return reg[instruction.a] + reg[instruction.b];
    case Kernel::Sub:
      return reg[instruction.a] - reg[instruction.b];
    case Kernel::Mul:
    case Kernel::ScaleBy:
      return reg[instruction.a] * reg[instruction.b];
    case Kernel::Square:
      return reg[instruction.a] * reg[instruction.a];
    case Kernel::AddConst:
      return reg[instruction.a] + k;
    case Kernel::MulConst:
      return reg[instruction.a] * k;
    case Kernel::SubFromConst:
      return k - reg[instruction.a];
    case Kernel::Neg:
      return -reg[instruction.a];
    case Kernel::SquareOfSub: {
      const double t = reg[instruction.a] - reg[instruction.b];
      return t * t;
    }
    case Kernel::SquareOfAddConst: {
      const double t = reg[instruction.a] + k;
      return t * t;
    }
    case Kernel::MulAdd:
    case Kernel::ScaleAdd:
      return reg[instruction.a] * reg[instruction.b] + reg[instruction.c];
    case Kernel::MulConstAdd:
      return reg[instruction.a] * k + reg[instruction.b];
    case Kernel::SquareAdd:
      return reg[instruction.a] * reg[instruction.a] + reg[instruction.b];
  }
  return 0.0;
}

double value_fast(const Program& program, const double* x, const double* parameters) {
  RegisterFile<double> registers(program.register_count());
  double* reg = registers.data();
  // Inputs are a handful of numbers: one element-wise loop (two plain copy loops become calls to
  // memmove, which cost more than the copy).
  const int variables = program.variable_count();
  const int inputs = variables + program.parameter_count();
  for (int r = 0; r < inputs; ++r) reg[r] = r < variables ? x[r] : parameters[r - variables];
  const std::span<const LoweredInstruction> code = program.lowered_code();
  double result = 0.0;
  for (const LoweredInstruction& instruction : code) {
    result = apply_value(instruction, reg);
    reg[instruction.out] = result;
  }
  return code.empty() ? reg[program.output_register()] : result;
}

// 2D value+gradient: registers are (value, d/dx, d/dy) triples and every kernel applies the chain
// rule directly; only the rare operations go through the generic Local partials.
struct Dual {
  double v, dx, dy;
};

inline Dual chain(const Local& d, const Dual& a) {
  return {d.f, d.da * a.dx, d.da * a.dy};
}
inline Dual chain(const Local& d, const Dual& a, const Dual& b) {
  return {d.f, d.da * a.dx + d.db * b.dx, d.da * a.dy + d.db * b.dy};
}

inline Dual apply_generic(const LoweredInstruction& instruction, const Dual* reg) {
  const Dual& a = reg[instruction.a];
  if (!is_binary(instruction.op))
    return chain(local<1>(instruction.op, a.v, 0.0, instruction.k), a);
  const Dual& b = reg[instruction.b];
  return chain(local<1>(instruction.op, a.v, b.v, instruction.k), a, b);
}

// One kernel's chain rule; a template so the switch loop and the threaded loop share the bodies.
template <Kernel K>
inline Dual apply_kernel(const LoweredInstruction& instruction, const Dual* reg) {
  const double k = instruction.k;
  const Dual& a = reg[instruction.a];
  const Dual& b = reg[instruction.b];
  const Dual& c = reg[instruction.c];
  if constexpr (K == Kernel::Invariant) {
    return {local<0>(instruction.op, a.v, b.v, k).f, 0.0, 0.0};
  } else if constexpr (K == Kernel::Generic) {
    return apply_generic(instruction, reg);
  } else if constexpr (K == Kernel::Add) {
    return {a.v + b.v, a.dx + b.dx, a.dy + b.dy};
  } else if constexpr (K == Kernel::Sub) {
    return {a.v - b.v, a.dx - b.dx, a.dy - b.dy};
  } else if constexpr (K == Kernel::Mul) {
    return {a.v * b.v, a.dx * b.v + a.v * b.dx, a.dy * b.v + a.v * b.dy};
  } else if constexpr (K == Kernel::ScaleBy) {
    return {a.v * b.v, a.v * b.dx, a.v * b.dy};
  } else if constexpr (K == Kernel::Square) {
    const double twice = 2.0 * a.v;
    return {a.v * a.v, twice * a.dx, twice * a.dy};
  } else if constexpr (K == Kernel::AddConst) {
    return {a.v + k, a.dx, a.dy};
  } else if constexpr (K == Kernel::MulConst) {
    return {a.v * k, a.dx * k, a.dy * k};
  } else if constexpr (K == Kernel::SubFromConst) {
    return {k - a.v, -a.dx, -a.dy};
  } else if constexpr (K == Kernel::Neg) {
    return {-a.v, -a.dx, -a.dy};
  } else if constexpr (K == Kernel::SquareOfSub) {
    const double t = a.v - b.v;
    const double twice = 2.0 * t;
    return {t * t, twice * (a.dx - b.dx), twice * (a.dy - b.dy)};
  } else if constexpr (K == Kernel::SquareOfAddConst) {
    const double t = a.v + k;
    const double twice = 2.0 * t;
    return {t * t, twice * a.dx, twice * a.dy};
  } else if constexpr (K == Kernel::MulAdd) {
    return {a.v * b.v + c.v, a.dx * b.v + a.v * b.dx + c.dx, a.dy * b.v + a.v * b.dy + c.dy};
  } else if constexpr (K == Kernel::ScaleAdd) {
    return {a.v * b.v + c.v, a.v * b.dx + c.dx, a.v * b.dy + c.dy};
  } else if constexpr (K == Kernel::MulConstAdd) {
    return {a.v * k + b.v, a.dx * k + b.dx, a.dy * k + b.dy};
  } else {
    static_assert(K == Kernel::SquareAdd);
    const double twice = 2.0 * a.v;
    return {a.v * a.v + b.v, twice * a.dx + b.dx, twice * a.dy + b.dy};
  }
}

// One switch per instruction. Threaded dispatch (GNU computed goto) measured twice as slow here
// (Rosenbrock, GCC 12 -O3, AMD EPYC), so it is not used.
Dual run_dual_switch(std::span<const LoweredInstruction> code, Dual* reg) {
  Dual result{};
  for (const LoweredInstruction& instruction : code) {
    switch (instruction.kernel) {
      case Kernel::Invariant:
        result = apply_kernel<Kernel::Invariant>(instruction, reg);
        break;
      case Kernel::Generic:
        result = apply_kernel<Kernel::Generic>(instruction, reg);
        break;
      case Kernel::Add:
        result = apply_kernel<Kernel::Add>(instruction, reg);
        break;
      case Kernel::Sub:
        result = apply_kernel<Kernel::Sub>(instruction, reg);
        break;
      case Kernel::Mul:
        result = apply_kernel<Kernel::Mul>(instruction, reg);
        break;
      case Kernel::Square:
        result = apply_kernel<Kernel::Square>(instruction, reg);
        break;
      case Kernel::AddConst:
        result = apply_kernel<Kernel::AddConst>(instruction, reg);
        break;
      case Kernel::MulConst:
        result = apply_kernel<Kernel::MulConst>(instruction, reg);
        break;
      case Kernel::SubFromConst:
        result = apply_kernel<Kernel::SubFromConst>(instruction, reg);
        break;
      case Kernel::Neg:
        result = apply_kernel<Kernel::Neg>(instruction, reg);
        break;
      case Kernel::ScaleBy:
        result = apply_kernel<Kernel::ScaleBy>(instruction, reg);
        break;
      case Kernel::SquareOfSub:
        result = apply_kernel<Kernel::SquareOfSub>(instruction, reg);
        break;
      case Kernel::SquareOfAddConst:
        result = apply_kernel<Kernel::SquareOfAddConst>(instruction, reg);
        break;
      case Kernel::MulAdd:
        result = apply_kernel<Kernel::MulAdd>(instruction, reg);
        break;
      case Kernel::ScaleAdd:
        result = apply_kernel<Kernel::ScaleAdd>(instruction, reg);
        break;
      case Kernel::MulConstAdd:
        result = apply_kernel<Kernel::MulConstAdd>(instruction, reg);
        break;
      case Kernel::SquareAdd:
        result = apply_kernel<Kernel::SquareAdd>(instruction, reg);
        break;
    }
    reg[instruction.out] = result;
  }
  return result;
}

double dual_value_gradient(const Program& program, const double* x, const double* parameters,
                           double* gradient) {
  RegisterFile<Dual> registers(program.register_count());
  Dual* reg = registers.data();
  reg[0] = {x[0], 1.0, 0.0};
  reg[1] = {x[1], 0.0, 1.0};
  for (int p = 0; p < program.parameter_count(); ++p) reg[2 + p] = {parameters[p], 0.0, 0.0};
  // The output is the last instruction's register (or an input when there is no code); taking it
  // from the loop saves reloading it from the register file.
  const std::span<const LoweredInstruction> code = program.lowered_code();
  const Dual result = code.empty() ? reg[program.output_register()] : run_dual_switch(code, reg);
  gradient[0] = result.dx;
  gradient[1] = result.dy;
  return result.v;
}

// Kept out of line so the 2D caller of Program::value_gradient does not pay for the general
// loop's stack frame.
[[gnu::noinline]] double gradient_any_dimension(const Program& program, const double* x,
                                                const double* parameters, double* gradient) {
  return run<1, 0>(program, x, parameters, gradient, nullptr);
}

// ==== block kernels
// ================================================================================
// One instruction over a block of points at a time, structure-of-arrays, so the inner loops are
// plain array loops the compiler vectorises and dispatch is paid once per block. Every block is
// full (the last one is padded with copies of the last point), so the loops have a fixed trip
// count.
constexpr int k_block = 64;

struct BlockRegisters {
  double* v;   // values, k_block per register
  double* dx;  // d/dx (gradient mode only)
  double* dy;
};

// Elementwise loops over one block; __restrict lets the compiler vectorise (registers of one
// instruction never alias its operands).
template <typename F>
inline void for_block(double* __restrict out, F&& f) {
  for (int i = 0; i < k_block; ++i) out[i] = f(i);
}

template <bool kGradient>
void run_block_instruction(const LoweredInstruction& instruction, BlockRegisters regs) {
  const double k = instruction.k;
  const auto row = [](double* base, int reg) { return base + static_cast<size_t>(reg) * k_block; };
  double* __restrict rv = row(regs.v, instruction.out);
  const double* __restrict av = row(regs.v, instruction.a);
  const double* __restrict bv = row(regs.v, instruction.b);
  const double* __restrict cv = row(regs.v, instruction.c);
  if (instruction.kernel == Kernel::Invariant) {
    // Operands free of the variables are equal at every point: one evaluation fills the block.
    const double value = local<0>(instruction.op, av[0], bv[0], k).f;
    for_block(rv, [&](int) { return value; });
    if constexpr (kGradient) {
      for_block(row(regs.dx, instruction.out), [](int) { return 0.0; });
      for_block(row(regs.dy, instruction.out), [](int) { return 0.0; });
    }
    return;
  }
  if constexpr (!kGradient) {
    switch (instruction.kernel) {
      case Kernel::Generic:
        break;
      case Kernel::Add:
        return for_block(rv, [&](int i) { return av[i] + bv[i]; });
      case Kernel::Sub:
        return for_block(rv, [&](int i) { return av[i] - bv[i]; });
      case Kernel::Mul:
      case Kernel::ScaleBy:
        return for_block(rv, [&](int i) { return av[i] * bv[i]; });
      case Kernel::Square:
        return for_block(rv, [&](int i) { return av[i] * av[i]; });
      case Kernel::AddConst:
        return for_block(rv, [&](int i) { return av[i] + k; });
      case Kernel::MulConst:
        return for_block(rv, [&](int i) { return av[i] * k; });
      case Kernel::SubFromConst:
        return for_block(rv, [&](int i) { return k - av[i]; });
      case Kernel::Neg:
        return for_block(rv, [&](int i) { return -av[i]; });
      case Kernel::SquareOfSub:
        return for_block(rv, [&](int i) { return (av[i] - bv[i]) * (av[i] - bv[i]); });
      case Kernel::SquareOfAddConst:
        return for_block(rv, [&](int i) { return (av[i] + k) * (av[i] + k); });
      case Kernel::MulAdd:
      case Kernel::ScaleAdd:
        return for_block(rv, [&](int i) { return av[i] * bv[i] + cv[i]; });
      case Kernel::MulConstAdd:
        return for_block(rv, [&](int i) { return av[i] * k + bv[i]; });
      case Kernel::SquareAdd:
        return for_block(rv, [&](int i) { return av[i] * av[i] + bv[i]; });
      case Kernel::Invariant:
        break;
    }
    for (int i = 0; i < k_block; ++i) rv[i] = local<0>(instruction.op, av[i], bv[i], k).f;
  } else {
    // Gradient mode: the value loop and one loop per derivative direction, each a plain
    // elementwise formula of the operands' rows.
    double* __restrict rx = row(regs.dx, instruction.out);
    double* __restrict ry = row(regs.dy, instruction.out);
    const double* __restrict ax = row(regs.dx, instruction.a);
    const double* __restrict ay = row(regs.dy, instruction.a);
    const double* __restrict bx = row(regs.dx, instruction.b);
    const double* __restrict by = row(regs.dy, instruction.b);
    const double* __restrict cx = row(regs.dx, instruction.c);
    const double* __restrict cy = row(regs.dy, instruction.c);
    // Applies `value` to the value rows and `derivative(da, db, dc, i)` to both direction rows.
    // Three separate row loops: one loop writing all three rows measured slower (it stops
    // vectorising).
    const auto apply = [&](auto&& value, auto&& derivative) {
      for_block(rv, value);
      for_block(rx, [&](int i) { return derivative(ax, bx, cx, i); });
      for_block(ry, [&](int i) { return derivative(ay, by, cy, i); });
    };
    using Row = const double* __restrict;
    switch (instruction.kernel) {
      case Kernel::Generic:
      case Kernel::Invariant:
        break;
      case Kernel::Add:
        return apply([&](int i) { return av[i] + bv[i]; },
                     [](Row da, Row db, Row, int i) { return da[i] + db[i]; });
      case Kernel::Sub:
        return apply([&](int i) { return av[i] - bv[i]; },
                     [](Row da, Row db, Row, int i) { return da[i] - db[i]; });
      case Kernel::Mul:
        return apply([&](int i) { return av[i] * bv[i]; },
                     [&](Row da, Row db, Row, int i) { return da[i] * bv[i] + av[i] * db[i]; });
      case Kernel::ScaleBy:
        return apply([&](int i) { return av[i] * bv[i]; },
                     [&](Row, Row db, Row, int i) { return av[i] * db[i]; });
      case Kernel::Square:
        return apply([&](int i) { return av[i] * av[i]; },
                     [&](Row da, Row, Row, int i) { return 2.0 * av[i] * da[i]; });
      case Kernel::AddConst:
        return apply([&](int i) { return av[i] + k; },
                     [](Row da, Row, Row, int i) { return da[i]; });
      case Kernel::MulConst:
        return apply([&](int i) { return av[i] * k; },
                     [&](Row da, Row, Row, int i) { return da[i] * k; });
      case Kernel::SubFromConst:
        return apply([&](int i) { return k - av[i]; },
                     [](Row da, Row, Row, int i) { return -da[i]; });
      case Kernel::Neg:
        return apply([&](int i) { return -av[i]; }, [](Row da, Row, Row, int i) { return -da[i]; });
      case Kernel::SquareOfSub:
        return apply(
            [&](int i) { return (av[i] - bv[i]) * (av[i] - bv[i]); },
            [&](Row da, Row db, Row, int i) { return 2.0 * (av[i] - bv[i]) * (da[i] - db[i]); });
      case Kernel::SquareOfAddConst:
        return apply([&](int i) { return (av[i] + k) * (av[i] + k); },
                     [&](Row da, Row, Row, int i) { return 2.0 * (av[i] + k) * da[i]; });
      case Kernel::MulAdd:
        return apply(
            [&](int i) { return av[i] * bv[i] + cv[i]; },
            [&](Row da, Row db, Row dc, int i) { return da[i] * bv[i] + av[i] * db[i] + dc[i]; });
      case Kernel::ScaleAdd:
        return apply([&](int i) { return av[i] * bv[i] + cv[i]; },
                     [&](Row, Row db, Row dc, int i) { return av[i] * db[i] + dc[i]; });
      case Kernel::MulConstAdd:
        return apply([&](int i) { return av[i] * k + bv[i]; },
                     [&](Row da, Row db, Row, int i) { return da[i] * k + db[i]; });
      case Kernel::SquareAdd:
        return apply([&](int i) { return av[i] * av[i] + bv[i]; },
                     [&](Row da, Row db, Row, int i) { return 2.0 * av[i] * da[i] + db[i]; });
    }
    // Everything else: the generic local partials, point by point (a unary op has db = 0).
    for (int i = 0; i < k_block; ++i) {
      const Local d = local<1>(instruction.op, av[i], bv[i], k);
      rv[i] = d.f;
      rx[i] = d.da * ax[i] + d.db * bx[i];
      ry[i] = d.da * ay[i] + d.db * by[i];
    }
  }
}

// Copies m points (row-major, `variables` each) into the variables' rows; a partial block repeats
// its last point. Full 2D blocks, the common case, take a plain deinterleaving loop.
void load_block(const double* __restrict points, int m, int variables, double* __restrict rows) {
  if (variables == 2 && m == k_block) {
    for (int i = 0; i < k_block; ++i) {
      rows[i] = points[2 * i];
      rows[k_block + i] = points[2 * i + 1];
    }
    return;
  }
  for (int i = 0; i < k_block; ++i) {
    const double* point = points + static_cast<size_t>(std::min(i, m - 1)) * variables;
    for (int v = 0; v < variables; ++v) rows[static_cast<size_t>(v) * k_block + i] = point[v];
  }
}

// Values (and, with kGradient, 2D gradients) at `count` points, k_block points at a time.
template <bool kGradient>
void run_blocks(const Program& program, const double* points, int count, const double* parameters,
                double* values_out, double* gradients_out) {
  const int variables = program.variable_count();
  const size_t block_size = static_cast<size_t>(program.register_count()) * k_block;
  std::vector<double>& buffer = scratch(block_size * (kGradient ? 3 : 1));
  const BlockRegisters regs{buffer.data(), kGradient ? buffer.data() + block_size : nullptr,
                            kGradient ? buffer.data() + 2 * block_size : nullptr};
  // Inputs' derivative rows are the same for every block.
  for (int r = 0; kGradient && r < variables + program.parameter_count(); ++r) {
    std::fill_n(regs.dx + static_cast<size_t>(r) * k_block, k_block, r == 0 ? 1.0 : 0.0);
    std::fill_n(regs.dy + static_cast<size_t>(r) * k_block, k_block, r == 1 ? 1.0 : 0.0);
  }
  for (int p = 0; p < program.parameter_count(); ++p) {
    std::fill_n(regs.v + static_cast<size_t>(variables + p) * k_block, k_block, parameters[p]);
  }
  const size_t out = static_cast<size_t>(program.output_register()) * k_block;
  for (int start = 0; start < count; start += k_block) {
    const int m = std::min(k_block, count - start);
    load_block(points + static_cast<size_t>(start) * variables, m, variables, regs.v);
    for (const LoweredInstruction& instruction : program.lowered_code()) {
      run_block_instruction<kGradient>(instruction, regs);
    }
    std::copy_n(regs.v + out, m, values_out + start);
    if constexpr (kGradient) {
      double* gradients = gradients_out + 2 * static_cast<size_t>(start);
      for (int i = 0; i < m; ++i) {
        gradients[2 * i] = regs.dx[out + i];
        gradients[2 * i + 1] = regs.dy[out + i];
      }
    }
  }
}
}  // namespace

double Program::value(const double* x, const double* parameters) const {
  return value_fast(*this, x, parameters);
}

double Program::value_gradient(const double* x, const double* parameters, double* gradient) const {
  if (variable_count_ == 2) return dual_value_gradient(*this, x, parameters, gradient);
  return gradient_any_dimension(*this, x, parameters, gradient);
}

double Program::value_gradient_hessian(const double* x, const double* parameters, double* gradient,
                                       double* hessian) const {
  if (variable_count_ == 2) return run<2, 2>(*this, x, parameters, gradient, hessian);
  return run<2, 0>(*this, x, parameters, gradient, hessian);
}

void Program::values(const double* points, int count, const double* parameters, double* out) const {
  run_blocks<false>(*this, points, count, parameters, out, nullptr);
}

void Program::values_gradients(const double* points, int count, const double* parameters,
                               double* values_out, double* gradients_out) const {
  assert(variable_count_ == 2 && "batched gradients are for 2D surfaces");
  run_blocks<true>(*this, points, count, parameters, values_out, gradients_out);
}

}  // namespace lv
