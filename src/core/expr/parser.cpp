#include "expr/parser.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>
#include <optional>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv {
namespace {

// ---- Contents: tokens, function table, parser
// ----------------------------------------------------

// ==== tokens
// ======================================================================================

enum class TokenKind { Number, Identifier, Symbol, End };

struct Token {
  TokenKind kind = TokenKind::End;
  std::string text;
  double number = 0.0;
  int column = 0;
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const int column = static_cast<int>(i) + 1;
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      size_t end = i;
      while (end < text.size() &&
             (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.'))
        ++end;
      if (end < text.size() && (text[end] == 'e' || text[end] == 'E')) {
        size_t exponent = end + 1;
        if (exponent < text.size() && (text[exponent] == '+' || text[exponent] == '-')) ++exponent;
        if (exponent < text.size() && std::isdigit(static_cast<unsigned char>(text[exponent]))) {
          end = exponent;
          while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
        }
      }
      const std::string literal(text.substr(i, end - i));
      const std::optional<double> value = parse_double(literal);
      if (!value) {
        throw InputError("col " + std::to_string(column) + ": malformed number '" + literal + "'");
      }
      tokens.push_back({TokenKind::Number, literal, *value, column});
      i = end;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t end = i;
      while (end < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_'))
        ++end;
      tokens.push_back({TokenKind::Identifier, std::string(text.substr(i, end - i)), 0.0, column});
      i = end;
      continue;
    }
    if (std::string_view("+-*/^(),").find(c) != std::string_view::npos) {
      tokens.push_back({TokenKind::Symbol, std::string(1, c), 0.0, column});
      ++i;
      continue;
    }
    throw InputError("col " + std::to_string(column) + ": unexpected character '" +
                     std::string(1, c) + "'");
  }
  tokens.push_back({TokenKind::End, "", 0.0, static_cast<int>(text.size()) + 1});
  return tokens;
}

// ==== function table
// ==============================================================================

struct FunctionInfo {
  const char* name;
  Op op;
  int arity;
};

constexpr FunctionInfo k_functions[] = {
    {"sin", Op::Sin, 1},           {"cos", Op::Cos, 1},     {"tan", Op::Tan, 1},
    {"exp", Op::Exp, 1},           {"log", Op::Log, 1},     {"sqrt", Op::Sqrt, 1},
    {"abs", Op::Abs, 1},           {"tanh", Op::Tanh, 1},   {"sigmoid", Op::Sigmoid, 1},
    {"softplus", Op::Softplus, 1}, {"min", Op::Min, 2},     {"max", Op::Max, 2},
    {"pow", Op::Pow, 2},           {"atan2", Op::Atan2, 2},
};

const FunctionInfo* find_function(std::string_view name) {
  for (const FunctionInfo& info : k_functions) {
    if (name == info.name) return &info;
  }
  return nullptr;
}

std::optional<double> find_constant(std::string_view name) {
  if (name == "pi") return std::numbers::pi;
  if (name == "e") return std::numbers::e;
  return std::nullopt;
}

// x, y -> 0, 1; x1..xn -> 0..n-1.
std::optional<int> find_variable(std::string_view name) {
  if (name == "x") return 0;
  if (name == "y") return 1;
  if (name.size() >= 2 && name[0] == 'x' && name[1] != '0') {
    int index = 0;
    for (char c : name.substr(1)) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      index = index * 10 + (c - '0');
      if (index > 4096) return std::nullopt;
    }
    return index - 1;
  }
  return std::nullopt;
}

// ==== parser
// ======================================================================================

std::string at(int column) {
  return "col " + std::to_string(column) + ": ";
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::End:
      return "end of formula";
    case TokenKind::Number:
      return "number '" + token.text + "'";
    case TokenKind::Identifier:
      return "'" + token.text + "'";
    case TokenKind::Symbol:
      return "'" + token.text + "'";
  }
  return "?";
}

// The parser, the compiler and the AST walks recurse once per level of the tree, so the input
// must not choose the depth: formulas are limited in length and in depth, with an error that
// names the limit (a stack overflow on a generated formula is not an answer).
constexpr size_t k_max_formula_length = 100000;
constexpr int k_max_depth = 1000;

std::string depth_error(int column) {
  return at(column) + "the formula nests deeper than " + std::to_string(k_max_depth) +
         " levels (each operator, parenthesis or call on a chain adds one; a sum of more than " +
         std::to_string(k_max_depth) + " terms too)";
}

class Parser {
 public:
  Parser(std::string_view text, const std::vector<std::string>& parameter_names)
      : tokens_(tokenize(text)), parameter_names_(parameter_names) {}

  ParseResult parse() {
    if (peek().kind == TokenKind::End) throw InputError(at(1) + "empty formula");
    result_.ast.root = parse_sum();
    if (peek().kind != TokenKind::End) {
      throw InputError(at(peek().column) + "expected an operator, found " + describe(peek()));
    }
    report_unknown_identifiers();
    return std::move(result_);
  }

 private:
  const Token& peek() const { return tokens_[position_]; }
  const Token& advance() { return tokens_[position_++]; }
  bool accept_symbol(char symbol) {
    if (peek().kind == TokenKind::Symbol && peek().text[0] == symbol) {
      ++position_;
      return true;
    }
    return false;
  }
  void expect_symbol(char symbol, const char* context) {
    if (accept_symbol(symbol)) return;
    throw InputError(at(peek().column) + "expected '" + std::string(1, symbol) + "'" + context +
                     ", found " + describe(peek()));
  }

  int add(AstNode node) {
    int depth = 1;
    for (int child : {node.left, node.right}) {
      if (child >= 0) depth = std::max(depth, depths_[static_cast<size_t>(child)] + 1);
    }
    if (depth > k_max_depth) throw InputError(depth_error(node.column));
    result_.ast.nodes.push_back(node);
    depths_.push_back(depth);
    return static_cast<int>(result_.ast.nodes.size()) - 1;
  }

  // Counts the levels of recursive descent: every nesting (unary sign, '^', '(' or a call)
  // passes through parse_unary, so limiting it there bounds the parser's stack.
  class NestingGuard {
   public:
    NestingGuard(int& nesting, int column) : nesting_(nesting) {
      if (++nesting_ > k_max_depth) throw InputError(depth_error(column));
    }
    ~NestingGuard() { --nesting_; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

   private:
    int& nesting_;
  };
  int binary(Op op, int left, int right, int column) {
    AstNode node;
    node.op = op;
    node.left = left;
    node.right = right;
    node.column = column;
    return add(node);
  }

  // sum := product (('+' | '-') product)*
  int parse_sum() {
    int left = parse_product();
    while (true) {
      const int column = peek().column;
      if (accept_symbol('+')) {
        left = binary(Op::Add, left, parse_product(), column);
      } else if (accept_symbol('-')) {
        left = binary(Op::Sub, left, parse_product(), column);
      } else {
        return left;
      }
    }
  }

  // product := unary (('*' | '/') unary)*
  int parse_product() {
    int left = parse_unary();
    while (true) {
      const int column = peek().column;
      if (accept_symbol('*')) {
        left = binary(Op::Mul, left, parse_unary(), column);
      } else if (accept_symbol('/')) {
        left = binary(Op::Div, left, parse_unary(), column);
      } else {
        return left;
      }
    }
  }

  // unary := ('-' | '+') unary | power.   -x^2 is -(x^2), as in mathematics.
  int parse_unary() {
    const int column = peek().column;
    const NestingGuard guard(nesting_, column);
    if (accept_symbol('-')) return binary(Op::Neg, parse_unary(), -1, column);
    if (accept_symbol('+')) return parse_unary();
    return parse_power();
  }

  // power := primary ('^' unary)?   right-associative: 2^3^2 = 2^(3^2); 2^-1 is allowed.
  int parse_power() {
    const int base = parse_primary();
    const int column = peek().column;
    if (accept_symbol('^')) return binary(Op::Pow, base, parse_unary(), column);
    return base;
  }

  int parse_primary() {
    const Token& token = peek();
    if (token.kind == TokenKind::Number) {
      advance();
      AstNode node;
      node.op = Op::Constant;
      node.value = token.number;
      node.column = token.column;
      return add(node);
    }
    if (token.kind == TokenKind::Identifier) return parse_identifier();
    if (accept_symbol('(')) {
      const int inner = parse_sum();
      expect_symbol(')', " to close '('");
      return inner;
    }
    throw InputError(at(token.column) + "expected a number, a name or '(', found " +
                     describe(token));
  }

  int parse_identifier() {
    const Token token = advance();
    const bool is_call = peek().kind == TokenKind::Symbol && peek().text == "(";
    if (const FunctionInfo* function = find_function(token.text)) {
      if (!is_call) {
        throw InputError(at(peek().column) + "expected '(' after function '" + token.text + "'");
      }
      return parse_call(*function, token.column);
    }
    AstNode node;
    node.column = token.column;
    if (is_call) {
      if (is_known_name(token.text)) {
        throw InputError(at(token.column) + "'" + token.text + "' is not a function");
      }
      // An unknown function: report it with the other unknown names, parse on to find them all.
      unknown_.push_back(token);
      parse_call(FunctionInfo{"", Op::Constant, -1}, token.column);
      return add(node);
    }
    node.column = token.column;
    if (const std::optional<double> constant = find_constant(token.text)) {
      node.op = Op::Constant;
      node.value = *constant;
      return add(node);
    }
    if (const std::optional<int> variable = find_variable(token.text)) {
      node.op = Op::Variable;
      node.index = *variable;
      result_.variable_count = std::max(result_.variable_count, *variable + 1);
      return add(node);
    }
    for (size_t slot = 0; slot < parameter_names_.size(); ++slot) {
      if (parameter_names_[slot] == token.text) {
        node.op = Op::Parameter;
        node.index = static_cast<int>(slot);
        return add(node);
      }
    }
    unknown_.push_back(token);
    node.op = Op::Constant;  // placeholder; parse() throws before the tree is used
    return add(node);
  }

  int parse_call(const FunctionInfo& function, int column) {
    expect_symbol('(', "");
    std::vector<int> arguments;
    if (!accept_symbol(')')) {
      do {
        arguments.push_back(parse_sum());
      } while (accept_symbol(','));
      expect_symbol(
          ')', std::string(" to close the call of '" + std::string(function.name) + "'").c_str());
    }
    if (function.arity < 0) return -1;  // unknown function, already reported
    if (static_cast<int>(arguments.size()) != function.arity) {
      throw InputError(at(column) + "'" + function.name + "' takes " +
                       std::to_string(function.arity) + " argument" +
                       (function.arity == 1 ? "" : "s") + ", got " +
                       std::to_string(arguments.size()));
    }
    return binary(function.op, arguments[0], function.arity == 2 ? arguments[1] : -1, column);
  }

  bool is_known_name(const std::string& name) const {
    return find_constant(name) || find_variable(name) ||
           std::find(parameter_names_.begin(), parameter_names_.end(), name) !=
               parameter_names_.end();
  }

  void report_unknown_identifiers() const {
    if (unknown_.empty()) return;
    std::vector<std::string> known = reserved_identifiers();
    known.insert(known.end(), parameter_names_.begin(), parameter_names_.end());
    std::string message;
    for (const Token& token : unknown_) {
      if (!message.empty()) message += "; ";
      message += at(token.column) + "unknown identifier '" + token.text + "'";
      if (const auto suggestion = closest_match(token.text, known)) {
        message += " (did you mean '" + *suggestion + "'?)";
      } else if (parameter_names_.empty()) {
        message += " (parameters must be declared, e.g. --param " + token.text + "=1)";
      }
    }
    throw InputError(message);
  }

  std::vector<Token> tokens_;
  const std::vector<std::string>& parameter_names_;
  size_t position_ = 0;
  int nesting_ = 0;
  std::vector<int> depths_;  // tree depth of each node in result_.ast.nodes
  ParseResult result_;
  std::vector<Token> unknown_;
};

}  // namespace

const std::vector<std::string>& reserved_identifiers() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list = {"x", "y", "pi", "e"};
    for (const FunctionInfo& info : k_functions) list.emplace_back(info.name);
    return list;
  }();
  return names;
}

ParseResult parse_formula(std::string_view text, const std::vector<std::string>& parameter_names) {
  if (text.size() > k_max_formula_length) {
    throw InputError("col " + std::to_string(k_max_formula_length + 1) +
                     ": the formula is longer than " + std::to_string(k_max_formula_length) +
                     " characters");
  }
  return Parser(text, parameter_names).parse();
}

}  // namespace lv
