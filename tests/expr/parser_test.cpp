// Parser tests: the grammar, precedence and the error messages users see (column + expectation).
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include "common/errors.hpp"
#include "expr/expr.hpp"

using lv::Expr;
using lv::Vec;

namespace {

double eval(const std::string& text, double x = 0.0, double y = 0.0) {
  return Expr::parse(text).value(Vec{{x, y}});
}

std::string error_of(const std::string& text, std::vector<lv::FormulaParameter> parameters = {}) {
  try {
    Expr::parse(text, std::move(parameters));
  } catch (const lv::InputError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("precedence and associativity follow mathematical convention") {
  CHECK(eval("1 + 2*3") == 7.0);
  CHECK(eval("2^3^2") == 512.0);  // right-associative
  CHECK(eval("-2^2") == -4.0);    // unary minus binds looser than ^
  CHECK(eval("2^-1") == 0.5);
  CHECK(eval("(1 + 2)*3") == 9.0);
  CHECK(eval("8/4/2") == 1.0);  // left-associative
  CHECK(eval("1 - 2 - 3") == -4.0);
  CHECK(eval("+x", 3.0) == 3.0);
  CHECK(eval("1.5e2 + .5") == 150.5);
}

TEST_CASE("functions and constants evaluate like the C library") {
  const double x = 0.7;
  CHECK(eval("sin(x) + cos(x) + tan(x)", x) ==
        doctest::Approx(std::sin(x) + std::cos(x) + std::tan(x)));
  CHECK(eval("exp(x) * log(x) / sqrt(x)", x) ==
        doctest::Approx(std::exp(x) * std::log(x) / std::sqrt(x)));
  CHECK(eval("abs(-x) + tanh(x)", x) == doctest::Approx(x + std::tanh(x)));
  CHECK(eval("sigmoid(x)", x) == doctest::Approx(1.0 / (1.0 + std::exp(-x))));
  CHECK(eval("softplus(x)", x) == doctest::Approx(std::log1p(std::exp(x))));
  CHECK(eval("min(x, 0.2) + max(x, 0.2)", x) == doctest::Approx(0.9));
  CHECK(eval("pow(x, 3)", x) == doctest::Approx(x * x * x));
  CHECK(eval("atan2(y, x)", -1.0, 1.0) == doctest::Approx(std::atan2(1.0, -1.0)));
  CHECK(eval("pi + e") == doctest::Approx(std::numbers::pi + std::numbers::e));
}

TEST_CASE("variables x, y and x1..xn") {
  const Expr expr = Expr::parse("x1 + 10*x2 + 100*x3");
  CHECK(expr.dimension() == 3);
  CHECK(expr.value(Vec{{1.0, 2.0, 3.0}}) == 321.0);
  CHECK(Expr::parse("x").dimension() == 2);  // a formula in x alone is still a surface
  CHECK(Expr::parse("x + y").value(Vec{{1.0, 2.0}}) == 3.0);
}

TEST_CASE("parameters are declared, settable and validated") {
  Expr expr = Expr::parse("a*x + b", {{"a", 2.0, 0.0, 5.0}, {"b", 1.0, 0.0, 5.0}});
  CHECK(expr.value(Vec{{3.0, 0.0}}) == 7.0);
  expr.set_parameter("b", -1.0);
  CHECK(expr.value(Vec{{3.0, 0.0}}) == 5.0);
  CHECK_THROWS_AS(expr.set_parameter("c", 1.0), lv::InputError);
  CHECK(error_of("x", {{"pi", 1.0, 0.0, 1.0}}) == "parameter name 'pi' is reserved");
}

TEST_CASE("errors name the column and what was expected") {
  CHECK(error_of("(x + 1") == "col 7: expected ')' to close '(', found end of formula");
  CHECK(error_of("x + * y") == "col 5: expected a number, a name or '(', found '*'");
  CHECK(error_of("x y") == "col 3: expected an operator, found 'y'");
  CHECK(error_of("sin x") == "col 5: expected '(' after function 'sin'");
  CHECK(error_of("x # 2") == "col 3: unexpected character '#'");
  CHECK(error_of("atan2(x)") == "col 1: 'atan2' takes 2 arguments, got 1");
  CHECK(error_of("") == "col 1: empty formula");
  CHECK(error_of("x(2)") == "col 1: 'x' is not a function");
  CHECK(error_of("1..2") == "col 1: malformed number '1..2'");
}

TEST_CASE("unknown identifiers are all listed, with suggestions") {
  CHECK(error_of("sni(x) + cso(y)") ==
        "col 1: unknown identifier 'sni' (did you mean 'sin'?); "
        "col 10: unknown identifier 'cso' (did you mean 'cos'?)");
  CHECK(error_of("alpah*x", {{"alpha", 1.0, 0.0, 1.0}}) ==
        "col 1: unknown identifier 'alpah' (did you mean 'alpha'?)");
  CHECK(error_of("q*x") ==
        "col 1: unknown identifier 'q' (parameters must be declared, e.g. --param q=1)");
}
