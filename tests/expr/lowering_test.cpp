// The lowered CPU stream (fused superinstructions) against the unfused instruction list: every
// fast path (value, 2D value+gradient, batched values and gradients) must give the numbers the
// generic Hessian evaluator computes from the unfused code, at random points.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "expr/expr.hpp"

using lv::Expr;
using lv::Instruction;
using lv::Kernel;
using lv::LoweredInstruction;
using lv::Op;
using lv::Vec;

namespace {

bool has_kernel(const Expr& expr, Kernel kernel) {
  const auto code = expr.program().lowered_code();
  return std::any_of(code.begin(), code.end(), [&](const LoweredInstruction& instruction) {
    return instruction.kernel == kernel;
  });
}

// The reference is value_gradient_hessian: it walks the unfused code() with the generic local
// partial derivatives of every operation.
void check_against_unfused(const Expr& expr) {
  std::mt19937 generator(7);
  std::uniform_real_distribution<double> uniform(-1.5, 1.5);
  std::vector<double> points;
  for (int i = 0; i < 70; ++i) points.push_back(uniform(generator));  // 35 points, partial block
  const int count = static_cast<int>(points.size()) / 2;
  std::vector<double> values(count), gradients(2 * count), values_only(count);
  const double* parameters = expr.parameter_values().data();
  expr.program().values_gradients(points.data(), count, parameters, values.data(),
                                  gradients.data());
  expr.program().values(points.data(), count, parameters, values_only.data());
  for (int i = 0; i < count; ++i) {
    const Vec x{{points[2 * i], points[2 * i + 1]}};
    CAPTURE(x.transpose());
    Vec reference_gradient;
    lv::Mat hessian;
    const double reference = expr.value_gradient_hessian(x, reference_gradient, hessian);
    double gradient[2];
    CHECK(expr.value(x.data()) == doctest::Approx(reference).epsilon(1e-14));
    CHECK(expr.value_gradient(x.data(), gradient) == doctest::Approx(reference).epsilon(1e-14));
    CHECK(gradient[0] == doctest::Approx(reference_gradient[0]).epsilon(1e-14));
    CHECK(gradient[1] == doctest::Approx(reference_gradient[1]).epsilon(1e-14));
    CHECK(values_only[i] == doctest::Approx(reference).epsilon(1e-14));
    CHECK(values[i] == doctest::Approx(reference).epsilon(1e-14));
    CHECK(gradients[2 * i] == doctest::Approx(reference_gradient[0]).epsilon(1e-14));
    CHECK(gradients[2 * i + 1] == doctest::Approx(reference_gradient[1]).epsilon(1e-14));
  }
}

}  // namespace

TEST_CASE("each fused pattern is formed and matches the unfused evaluator") {
  struct Case {
    const char* formula;
    Kernel kernel;
  };
  // a and b are parameters (free of the variables), numbers are folded constants.
  const std::vector<Case> cases = {
      {"(x - y)^2", Kernel::SquareOfSub},
      {"(a - x)^2 + y", Kernel::SquareOfSub},
      {"(x + 1.5)^2 - y", Kernel::SquareOfAddConst},
      {"(x - 2)^2*y", Kernel::SquareOfAddConst},
      {"(3 - y)^2 + x", Kernel::SquareOfAddConst},
      {"x*y + sin(x)", Kernel::MulAdd},
      {"sin(x) + x*y", Kernel::MulAdd},
      {"b*y + x", Kernel::ScaleAdd},
      {"x + y*b", Kernel::ScaleAdd},
      {"3*x + y", Kernel::MulConstAdd},
      {"y + x/4", Kernel::MulConstAdd},
      {"x^2 + y", Kernel::SquareAdd},
      {"y + x^2", Kernel::SquareAdd},
      {"a*x - y", Kernel::ScaleBy},
      {"sin(x)*b", Kernel::ScaleBy},
      {"sin(a)*x + exp(b)", Kernel::Invariant},
      {"atan2(1, x) + y", Kernel::Invariant},
      {"sin(x) + cos(y)", Kernel::Generic},
      {"-x - y", Kernel::Neg},
      {"2 - x*y", Kernel::SubFromConst},
  };
  for (const Case& c : cases) {
    CAPTURE(c.formula);
    const Expr expr = Expr::parse(c.formula, {{"a", 0.7, 0, 2}, {"b", 30.0, 1, 200}});
    CHECK(has_kernel(expr, c.kernel));
    check_against_unfused(expr);
  }
}

TEST_CASE("chains of fused patterns match the unfused evaluator") {
  const std::vector<const char*> formulas = {
      "(a - x)^2 + b*(y - x^2)^2",  // Rosenbrock: SquareOfSub, Square, SquareOfSub, ScaleAdd
      "x^2 + y^2 + (x - 1)^2 + 3*(y + 2)^2",
      "((x - y)^2 + 1)^2 + x*y*(a - y)^2",
      "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",  // Beale
      "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",                                // Himmelblau
      "a*b*x + b*y^2 + a",
  };
  for (const char* formula : formulas) {
    CAPTURE(formula);
    check_against_unfused(Expr::parse(formula, {{"a", 0.7, 0, 2}, {"b", 30.0, 1, 200}}));
  }
}

TEST_CASE("fusion shortens the stream: Rosenbrock runs 4 lowered instructions instead of 7") {
  const Expr expr = Expr::parse("(a - x)^2 + b*(y - x^2)^2", {{"a", 1, 0, 2}, {"b", 100, 1, 200}});
  CHECK(expr.program().code().size() == 7);  // unchanged: the GLSL generator walks this list
  const auto lowered = expr.program().lowered_code();
  REQUIRE(lowered.size() == 4);
  CHECK(lowered[0].kernel == Kernel::SquareOfSub);  // (a - x)^2
  CHECK(lowered[1].kernel == Kernel::Square);       // x^2, read by the Sub
  CHECK(lowered[2].kernel == Kernel::SquareOfSub);  // (y - x^2)^2
  CHECK(lowered[3].kernel == Kernel::ScaleAdd);     // b*(...) + (a - x)^2
  CHECK(lowered[3].out == expr.program().output_register());
}

TEST_CASE("an intermediate read twice, or the output itself, is never fused away") {
  // Registers 0, 1: x, y. r2 = x - y, r3 = r2², r4 = r3 + r2: r2 has two readers.
  const std::vector<Instruction> code = {
      {Op::Sub, 0, 1, 0.0}, {Op::Square, 2, -1, 0.0}, {Op::Add, 3, 2, 0.0}};
  const std::vector<bool> depends = {true, true, true, true, true};
  const std::vector<LoweredInstruction> shared = lv::lower(code, 2, depends, 4);
  REQUIRE(shared.size() == 2);  // the Sub stays; the Add absorbs the single-use square
  CHECK(shared[0].kernel == Kernel::Sub);
  CHECK(shared[0].out == 2);
  CHECK(shared[1].kernel == Kernel::SquareAdd);
  CHECK(shared[1].a == 2);
  CHECK(shared[1].b == 2);

  // r2 = x - y is the output; r3 = r2² is dead code. Fusing would lose the output register.
  const std::vector<Instruction> output_code = {{Op::Sub, 0, 1, 0.0}, {Op::Square, 2, -1, 0.0}};
  const std::vector<LoweredInstruction> output_kept =
      lv::lower(output_code, 2, {true, true, true, true}, 2);
  REQUIRE(output_kept.size() == 2);
  CHECK(output_kept[0].kernel == Kernel::Sub);
  CHECK(output_kept[1].kernel == Kernel::Square);
}

TEST_CASE("an already fused instruction is not absorbed again") {
  // (x - y)^2 is fused into SquareOfSub; the Add then cannot also absorb it as a Square.
  const Expr expr = Expr::parse("(x - y)^2 + sin(x)");
  CHECK(has_kernel(expr, Kernel::SquareOfSub));
  CHECK(has_kernel(expr, Kernel::Add));
  CHECK_FALSE(has_kernel(expr, Kernel::SquareAdd));
  check_against_unfused(expr);
}
