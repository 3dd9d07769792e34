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
  Program program;
  program.variable_count_ = variable_count;
  program.parameter_count_ = parameter_count;
  program.depends_.assign(variable_count + parameter_count, false);
  std::fill(program.depends_.begin(), program.depends_.begin() + variable_count, true);
  Compiler compiler(ast, program, program.code_, program.depends_);
  program.output_ = compiler.compile_root(ast.root);
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

// ==== 2D fast paths
// =============================================================================== Surfaces are 2D
// and evaluated millions of times (trajectories, grids), so 2D value+gradient has its own loop:
// registers are (value, d/dx, d/dy) triples on the stack, and the common cheap operations apply the
// chain rule directly instead of through the generic Local partials.

struct Dual {
  double v, dx, dy;
};

inline Dual chain(const Local& d, const Dual& a) {
  return {d.f, d.da * a.dx, d.da * a.dy};
}
inline Dual chain(const Local& d, const Dual& a, const Dual& b) {
  return {d.f, d.da * a.dx + d.db * b.dx, d.da * a.dy + d.db * b.dy};
}

inline Dual apply(const Instruction& instruction, const Dual* reg) {
  const double k = instruction.k;
  switch (instruction.op) {
    case Op::Constant:
      return {k, 0.0, 0.0};
    case Op::Add: {
      const Dual& a = reg[instruction.a];
      const Dual& b = reg[instruction.b];
      return {a.v + b.v, a.dx + b.dx, a.dy + b.dy};
    }
    case Op::Sub: {
      const Dual& a = reg[instruction.a];
      const Dual& b = reg[instruction.b];
      return {a.v - b.v, a.dx - b.dx, a.dy - b.dy};
    }
    case Op::Mul: {
      const Dual& a = reg[instruction.a];
      const Dual& b = reg[instruction.b];
      return {a.v * b.v, a.dx * b.v + a.v * b.dx, a.dy * b.v + a.v * b.dy};
    }
    case Op::Square: {
      const Dual& a = reg[instruction.a];
      const double twice = 2.0 * a.v;
      return {a.v * a.v, twice * a.dx, twice * a.dy};
    }
    case Op::AddConst: {
      const Dual& a = reg[instruction.a];
      return {a.v + k, a.dx, a.dy};
    }
    case Op::MulConst: {
      const Dual& a = reg[instruction.a];
      return {a.v * k, a.dx * k, a.dy * k};
    }
    case Op::SubFromConst: {
      const Dual& a = reg[instruction.a];
      return {k - a.v, -a.dx, -a.dy};
    }
    case Op::Neg: {
      const Dual& a = reg[instruction.a];
      return {-a.v, -a.dx, -a.dy};
    }
    default:
      break;
  }
  const Dual& a = reg[instruction.a];
  if (instruction.b < 0) return chain(local<1>(instruction.op, a.v, 0.0, k), a);
  const Dual& b = reg[instruction.b];
  return chain(local<1>(instruction.op, a.v, b.v, k), a, b);
}

double value_gradient_2d(const Program& program, const double* x, const double* parameters,
                         double* gradient) {
  constexpr int k_stack_registers = 256;
  Dual stack[k_stack_registers];
  thread_local std::vector<Dual> heap;
  Dual* reg = stack;
  if (program.register_count() > k_stack_registers) {
    if (heap.size() < static_cast<size_t>(program.register_count()))
      heap.resize(program.register_count());
    reg = heap.data();
  }
  reg[0] = {x[0], 1.0, 0.0};
  reg[1] = {x[1], 0.0, 1.0};
  for (int p = 0; p < program.parameter_count(); ++p) reg[2 + p] = {parameters[p], 0.0, 0.0};
  Dual* out = reg + 2 + program.parameter_count();
  for (const Instruction& instruction : program.code()) *out++ = apply(instruction, reg);
  const Dual& result = reg[program.output_register()];
  gradient[0] = result.dx;
  gradient[1] = result.dy;
  return result.v;
}

// Block kernels: one instruction over a block of points at a time, structure-of-arrays, so the
// inner loops are plain array loops the compiler vectorises and dispatch is paid once per block.
constexpr int k_block = 64;

struct BlockRegisters {
  double* v;   // values, k_block per register
  double* dx;  // d/dx (gradient mode only)
  double* dy;
};

// Elementwise loops over one block; __restrict lets the compiler vectorise (registers of one
// instruction never alias its operands).
template <typename F>
inline void for_block(int m, double* __restrict out, F&& f) {
  for (int i = 0; i < m; ++i) out[i] = f(i);
}

template <bool kGradient>
void run_block_instruction(const Instruction& instruction, int r, int m, BlockRegisters regs) {
  const double k = instruction.k;
  const auto row = [](double* base, int reg) {
    return reg >= 0 ? base + static_cast<size_t>(reg) * k_block : nullptr;
  };
  double* __restrict rv = row(regs.v, r);
  const double* __restrict av = row(regs.v, instruction.a);
  const double* __restrict bv = row(regs.v, instruction.b);
  double* __restrict rx = kGradient ? row(regs.dx, r) : nullptr;
  double* __restrict ry = kGradient ? row(regs.dy, r) : nullptr;
  const double* __restrict ax = kGradient ? row(regs.dx, instruction.a) : nullptr;
  const double* __restrict ay = kGradient ? row(regs.dy, instruction.a) : nullptr;
  const double* __restrict bx = kGradient ? row(regs.dx, instruction.b) : nullptr;
  const double* __restrict by = kGradient ? row(regs.dy, instruction.b) : nullptr;
  switch (instruction.op) {
    case Op::Constant:
      for_block(m, rv, [&](int) { return k; });
      if constexpr (kGradient) {
        for_block(m, rx, [&](int) { return 0.0; });
        for_block(m, ry, [&](int) { return 0.0; });
      }
      return;
    case Op::Add:
      for_block(m, rv, [&](int i) { return av[i] + bv[i]; });
      if constexpr (kGradient) {
        for_block(m, rx, [&](int i) { return ax[i] + bx[i]; });
        for_block(m, ry, [&](int i) { return ay[i] + by[i]; });
      }
      return;
    case Op::Sub:
      for_block(m, rv, [&](int i) { return av[i] - bv[i]; });
      if constexpr (kGradient) {
        for_block(m, rx, [&](int i) { return ax[i] - bx[i]; });
        for_block(m, ry, [&](int i) { return ay[i] - by[i]; });
      }
      return;
    case Op::Mul:
      for_block(m, rv, [&](int i) { return av[i] * bv[i]; });
      if constexpr (kGradient) {
        for_block(m, rx, [&](int i) { return ax[i] * bv[i] + av[i] * bx[i]; });
        for_block(m, ry, [&](int i) { return ay[i] * bv[i] + av[i] * by[i]; });
      }
      return;
    case Op::Square:
      for_block(m, rv, [&](int i) { return av[i] * av[i]; });
      if constexpr (kGradient) {
        for_block(m, rx, [&](int i) { return 2.0 * av[i] * ax[i]; });
        for_block(m, ry, [&](int i) { return 2.0 * av[i] * ay[i]; });
      }
      return;
    case Op::AddConst:
      for_block(m, rv, [&](int i) { return av[i] + k; });
      if constexpr (kGradient) {
        for_block(m, rx, [&](int i) { return ax[i]; });
        for_block(m, ry, [&](int i) { return ay[i]; });
      }
      return;
    case Op::MulConst:
      for_block(m, rv, [&](int i) { return av[i] * k; });
      if constexpr (kGradient) {
        for_block(m, rx, [&](int i) { return ax[i] * k; });
        for_block(m, ry, [&](int i) { return ay[i] * k; });
      }
      return;
    case Op::SubFromConst:
      for_block(m, rv, [&](int i) { return k - av[i]; });
      if constexpr (kGradient) {
        for_block(m, rx, [&](int i) { return -ax[i]; });
        for_block(m, ry, [&](int i) { return -ay[i]; });
      }
      return;
    default:
      break;
  }
  // Everything else: the generic local partials, point by point.
  for (int i = 0; i < m; ++i) {
    const Local d =
        local < kGradient ? 1 : 0 > (instruction.op, av ? av[i] : 0.0, bv ? bv[i] : 0.0, k);
    rv[i] = d.f;
    if constexpr (kGradient) {
      rx[i] = d.da * ax[i] + (bv ? d.db * bx[i] : 0.0);
      ry[i] = d.da * ay[i] + (bv ? d.db * by[i] : 0.0);
    }
  }
}

// Values (and, with kGradient, 2D gradients) at `count` points, k_block points at a time.
template <bool kGradient>
void run_blocks(const Program& program, const double* points, int count, const double* parameters,
                double* values_out, double* gradients_out) {
  const int variables = program.variable_count();
  const int inputs = variables + program.parameter_count();
  const size_t block_size = static_cast<size_t>(program.register_count()) * k_block;
  std::vector<double>& buffer = scratch(block_size * (kGradient ? 3 : 1));
  const BlockRegisters regs{buffer.data(), kGradient ? buffer.data() + block_size : nullptr,
                            kGradient ? buffer.data() + 2 * block_size : nullptr};
  for (int start = 0; start < count; start += k_block) {
    const int m = std::min(k_block, count - start);
    for (int v = 0; v < variables; ++v) {
      double* column = regs.v + static_cast<size_t>(v) * k_block;
      for (int i = 0; i < m; ++i)
        column[i] = points[static_cast<size_t>(start + i) * variables + v];
      if constexpr (kGradient) {
        std::fill_n(regs.dx + static_cast<size_t>(v) * k_block, m, v == 0 ? 1.0 : 0.0);
        std::fill_n(regs.dy + static_cast<size_t>(v) * k_block, m, v == 1 ? 1.0 : 0.0);
      }
    }
    for (int p = 0; p < program.parameter_count(); ++p) {
      const size_t offset = static_cast<size_t>(variables + p) * k_block;
      std::fill_n(regs.v + offset, m, parameters[p]);
      if constexpr (kGradient) {
        std::fill_n(regs.dx + offset, m, 0.0);
        std::fill_n(regs.dy + offset, m, 0.0);
      }
    }
    int r = inputs;
    for (const Instruction& instruction : program.code()) {
      run_block_instruction<kGradient>(instruction, r++, m, regs);
    }
    const size_t out = static_cast<size_t>(program.output_register()) * k_block;
    std::copy_n(regs.v + out, m, values_out + start);
    if constexpr (kGradient) {
      for (int i = 0; i < m; ++i) {
        gradients_out[2 * static_cast<size_t>(start + i)] = regs.dx[out + i];
        gradients_out[2 * static_cast<size_t>(start + i) + 1] = regs.dy[out + i];
      }
    }
  }
}
}  // namespace

double Program::value(const double* x, const double* parameters) const {
  return run<0, 1>(*this, x, parameters, nullptr, nullptr);
}

double Program::value_gradient(const double* x, const double* parameters, double* gradient) const {
  if (variable_count_ == 2) return value_gradient_2d(*this, x, parameters, gradient);
  return run<1, 0>(*this, x, parameters, gradient, nullptr);
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
