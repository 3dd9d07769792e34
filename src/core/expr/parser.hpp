// Recursive-descent parser for the formula language (docs/architecture.md §3): variables x, y,
// x1..xn, named parameters, + - * / ^, unary minus, sin cos tan exp log sqrt abs tanh sigmoid
// softplus min max pow atan2, constants pi and e. Errors throw InputError("col N: ...").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "expr/ast.hpp"

namespace lv {

struct ParseResult {
  Ast ast;
  int variable_count = 0;  // highest variable index used + 1
};

// `parameter_names` are the identifiers accepted as parameters (slot = position in the list).
ParseResult parse_formula(std::string_view text, const std::vector<std::string>& parameter_names);

// Names the language reserves (functions, constants, variable names x and y).
const std::vector<std::string>& reserved_identifiers();

}  // namespace lv
