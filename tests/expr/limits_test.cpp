// Input-controlled depth and size: formulas nested or chained beyond the documented limits are
// InputErrors naming the limit and a column, never stack overflows; formulas within the limits
// still evaluate exactly (checked against the closed form); parameter names must be names.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "common/errors.hpp"
#include "expr/expr.hpp"

using lv::Expr;
using lv::Vec;

namespace {

std::string error_of(const std::string& text, std::vector<lv::FormulaParameter> parameters = {}) {
  try {
    (void)Expr::parse(text, std::move(parameters));
  } catch (const lv::InputError& error) {
    return error.what();
  }
  return "";
}

std::string repeat(const std::string& piece, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += piece;
  return text;
}

}  // namespace

TEST_CASE("deep nesting of every kind is an error naming the limit") {
  const std::string unary = error_of(repeat("-", 60000) + "x");
  CHECK(unary.find("deeper than 1000 levels") != std::string::npos);
  CHECK(unary.rfind("col ", 0) == 0);
  CHECK(error_of(repeat("(", 30000) + "x" + repeat(")", 30000)).find("deeper than 1000") !=
        std::string::npos);
  CHECK(error_of(repeat("sin(", 15000) + "x" + repeat(")", 15000)).find("deeper than 1000") !=
        std::string::npos);
  CHECK(error_of("x" + repeat("^x", 30000)).find("deeper than 1000") != std::string::npos);
}

TEST_CASE("a flat chain longer than the limit is an error; one within it evaluates exactly") {
  CHECK(error_of("x" + repeat("+y", 40000)).find("deeper than 1000") != std::string::npos);
  // 1 + 999 terms: x + y + y + ... = x + 999 y.
  const Expr within = Expr::parse("x" + repeat("+y", 999));
  CHECK(within.value(Vec{{2.0, 3.0}}) == 2.0 + 999 * 3.0);
  // An even number of minus signs within the limit is the identity.
  CHECK(Expr::parse(repeat("-", 998) + "x").value(Vec{{1.5, 0.0}}) == 1.5);
}

TEST_CASE("formulas longer than the limit are refused before parsing") {
  const std::string long_text = "x" + repeat(" ", 200000);
  CHECK(error_of(long_text).find("longer than 100000 characters") != std::string::npos);
}

TEST_CASE("parameter names must be identifiers that are not variables") {
  CHECK(error_of("a*x", {{"(a - x)^2 + b", 1.0, 0.0, 2.0}}).find("is not a name") !=
        std::string::npos);
  CHECK(error_of("x", {{"", 1.0, 0.0, 2.0}}).find("is not a name") != std::string::npos);
  CHECK(error_of("x", {{"x3", 1.0, 0.0, 2.0}}).find("is not a name") != std::string::npos);
  CHECK(error_of("x", {{"sin", 1.0, 0.0, 2.0}}).find("reserved") != std::string::npos);
  CHECK(error_of("x", {{"a", std::nan(""), 0.0, 2.0}}).find("not finite") != std::string::npos);
  CHECK(error_of("learning_rate_2 * x", {{"learning_rate_2", 1.0, 0.0, 2.0}}).empty());
}
