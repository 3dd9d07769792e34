#include "expr/glsl.hpp"

#include <cmath>
#include <cstdio>

#include "common/errors.hpp"

namespace lv {
namespace {

std::string float_literal(double value) {
  if (std::isnan(value)) return "(0.0/0.0)";
  if (std::isinf(value)) return value > 0 ? "(1.0/0.0)" : "(-1.0/0.0)";
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  std::string text(buffer);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  // GLSL literals are never negative: wrap in parentheses so "x - -1.0" stays valid.
  if (value < 0) text = "(" + text + ")";
  return text;
}

// Local derivative expressions of one instruction in GLSL, written in terms of the operand
// values A and B and the immediate K. Mirrors `local<>` in program.cpp.
struct GlslLocal {
  std::string f, da, db = "0.0", daa = "0.0", dab = "0.0", dbb = "0.0";
};

GlslLocal glsl_local(Op op, const std::string& A, const std::string& B, const std::string& K) {
  switch (op) {
    case Op::Constant:
    case Op::Variable:
    case Op::Parameter:
      return {K, "0.0"};
    case Op::Add:
      return {"(" + A + " + " + B + ")", "1.0", "1.0"};
    case Op::Sub:
      return {"(" + A + " - " + B + ")", "1.0", "-1.0"};
    case Op::Mul:
      return {"(" + A + " * " + B + ")", B, A, "0.0", "1.0"};
    case Op::Div:
      return {"(" + A + " / " + B + ")",
              "(1.0 / " + B + ")",
              "(-" + A + " / (" + B + " * " + B + "))",
              "0.0",
              "(-1.0 / (" + B + " * " + B + "))",
              "(2.0 * " + A + " / (" + B + " * " + B + " * " + B + "))"};
    case Op::Pow:
      return {"lv_pow(" + A + ", " + B + ")",
              "(" + B + " * lv_pow(" + A + ", " + B + " - 1.0))",
              "(lv_pow(" + A + ", " + B + ") * log(" + A + "))",
              "(" + B + " * (" + B + " - 1.0) * lv_pow(" + A + ", " + B + " - 2.0))",
              "(lv_pow(" + A + ", " + B + " - 1.0) * (1.0 + " + B + " * log(" + A + ")))",
              "(lv_pow(" + A + ", " + B + ") * log(" + A + ") * log(" + A + "))"};
    case Op::PowFixed:
      return {"lv_pow(" + A + ", " + B + ")", "(" + B + " * lv_pow(" + A + ", " + B + " - 1.0))",
              "0.0", "(" + B + " * (" + B + " - 1.0) * lv_pow(" + A + ", " + B + " - 2.0))"};
    case Op::PowConst:
      return {"lv_pow(" + A + ", " + K + ")", "(" + K + " * lv_pow(" + A + ", " + K + " - 1.0))",
              "0.0", "(" + K + " * (" + K + " - 1.0) * lv_pow(" + A + ", " + K + " - 2.0))"};
    case Op::Atan2: {
      const std::string r2 = "(" + A + " * " + A + " + " + B + " * " + B + ")";
      return {"atan(" + A + ", " + B + ")",
              "(" + B + " / " + r2 + ")",
              "(-" + A + " / " + r2 + ")",
              "(-2.0 * " + A + " * " + B + " / (" + r2 + " * " + r2 + "))",
              "((" + A + " * " + A + " - " + B + " * " + B + ") / (" + r2 + " * " + r2 + "))",
              "(2.0 * " + A + " * " + B + " / (" + r2 + " * " + r2 + "))"};
    }
    case Op::Min:
      return {"min(" + A + ", " + B + ")", "(" + A + " <= " + B + " ? 1.0 : 0.0)",
              "(" + A + " <= " + B + " ? 0.0 : 1.0)"};
    case Op::Max:
      return {"max(" + A + ", " + B + ")", "(" + A + " >= " + B + " ? 1.0 : 0.0)",
              "(" + A + " >= " + B + " ? 0.0 : 1.0)"};
    case Op::Neg:
      return {"(-" + A + ")", "-1.0"};
    case Op::Sin:
      return {"sin(" + A + ")", "cos(" + A + ")", "0.0", "(-sin(" + A + "))"};
    case Op::Cos:
      return {"cos(" + A + ")", "(-sin(" + A + "))", "0.0", "(-cos(" + A + "))"};
    case Op::Tan:
      return {"tan(" + A + ")", "(1.0 + tan(" + A + ") * tan(" + A + "))", "0.0",
              "(2.0 * tan(" + A + ") * (1.0 + tan(" + A + ") * tan(" + A + ")))"};
    case Op::Exp:
      return {"exp(" + A + ")", "exp(" + A + ")", "0.0", "exp(" + A + ")"};
    case Op::Log:
      return {"log(" + A + ")", "(1.0 / " + A + ")", "0.0", "(-1.0 / (" + A + " * " + A + "))"};
    case Op::Sqrt:
      return {"sqrt(" + A + ")", "(0.5 / sqrt(" + A + "))", "0.0",
              "(-0.25 / (" + A + " * sqrt(" + A + ")))"};
    case Op::Abs:
      return {"abs(" + A + ")", "sign(" + A + ")"};
    case Op::Tanh:
      return {"tanh(" + A + ")", "(1.0 - tanh(" + A + ") * tanh(" + A + "))", "0.0",
              "(-2.0 * tanh(" + A + ") * (1.0 - tanh(" + A + ") * tanh(" + A + ")))"};
    case Op::Sigmoid:
      return {"lv_sigmoid(" + A + ")", "lv_sigmoid_d1(" + A + ")", "0.0",
              "lv_sigmoid_d2(" + A + ")"};
    case Op::Softplus:
      return {"lv_softplus(" + A + ")", "lv_sigmoid(" + A + ")", "0.0", "lv_sigmoid_d1(" + A + ")"};
    case Op::Square:
      return {"(" + A + " * " + A + ")", "(2.0 * " + A + ")", "0.0", "2.0"};
    case Op::AddConst:
      return {"(" + A + " + " + K + ")", "1.0"};
    case Op::MulConst:
      return {"(" + A + " * " + K + ")", K};
    case Op::SubFromConst:
      return {"(" + K + " - " + A + ")", "-1.0"};
    case Op::DivFromConst:
      return {"(" + K + " / " + A + ")", "(-" + K + " / (" + A + " * " + A + "))", "0.0",
              "(2.0 * " + K + " / (" + A + " * " + A + " * " + A + "))"};
  }
  return {"0.0", "0.0"};
}

std::string reg(int r) {
  return "r" + std::to_string(r);
}

// Which of the three generated functions is being written.
enum class Flavor { Value, Gradient, Jet };

std::string input_line(Flavor flavor, int r, const std::string& value, int variable) {
  const std::string dx = variable == 0 ? "1.0" : "0.0";
  const std::string dy = variable == 1 ? "1.0" : "0.0";
  switch (flavor) {
    case Flavor::Value:
      return "  float " + reg(r) + " = " + value + ";\n";
    case Flavor::Gradient:
      return "  vec3 " + reg(r) + " = vec3(" + value + ", " + dx + ", " + dy + ");\n";
    case Flavor::Jet:
      return "  LvJet " + reg(r) + " = LvJet(" + value + ", vec2(" + dx + ", " + dy +
             "), vec3(0.0));\n";
  }
  return "";
}

std::string function_body(const Expr& expr, Flavor flavor) {
  const Program& program = expr.program();
  std::string body;
  body += input_line(flavor, 0, "p.x", 0);
  body += input_line(flavor, 1, "p.y", 1);
  int r = program.variable_count();
  for (const FormulaParameter& parameter : expr.parameters()) {
    body += input_line(flavor, r++, glsl_parameter_uniform(parameter.name), -1);
  }
  const char* value_suffix =
      flavor == Flavor::Gradient ? ".x" : (flavor == Flavor::Jet ? ".v" : "");
  for (const Instruction& instruction : program.code()) {
    const std::string A = instruction.a >= 0 ? reg(instruction.a) + value_suffix : "0.0";
    const std::string B = instruction.b >= 0 ? reg(instruction.b) + value_suffix : "0.0";
    const GlslLocal d = glsl_local(instruction.op, A, B, float_literal(instruction.k));
    const std::string out = reg(r++);
    if (flavor == Flavor::Value) {
      body += "  float " + out + " = " + d.f + ";\n";
    } else if (instruction.a < 0) {
      body += flavor == Flavor::Gradient
                  ? "  vec3 " + out + " = vec3(" + d.f + ", 0.0, 0.0);\n"
                  : "  LvJet " + out + " = LvJet(" + d.f + ", vec2(0.0), vec3(0.0));\n";
    } else if (flavor == Flavor::Gradient) {
      body += instruction.b < 0
                  ? "  vec3 " + out + " = lv_dual1(" + reg(instruction.a) + ", " + d.f + ", " +
                        d.da + ");\n"
                  : "  vec3 " + out + " = lv_dual2(" + reg(instruction.a) + ", " +
                        reg(instruction.b) + ", " + d.f + ", " + d.da + ", " + d.db + ");\n";
    } else {
      body += instruction.b < 0 ? "  LvJet " + out + " = lv_jet1(" + reg(instruction.a) + ", " +
                                      d.f + ", " + d.da + ", " + d.daa + ");\n"
                                : "  LvJet " + out + " = lv_jet2(" + reg(instruction.a) + ", " +
                                      reg(instruction.b) + ", " + d.f + ", " + d.da + ", " + d.db +
                                      ", " + d.daa + ", " + d.dab + ", " + d.dbb + ");\n";
    }
  }
  body += "  return " + reg(program.output_register()) + ";\n";
  return body;
}

}  // namespace

std::string glsl_parameter_uniform(const std::string& name) {
  return "lv_param_" + name;
}

std::string glsl_preamble() {
  return R"(// lossviz formula helpers: dual numbers for forward-mode derivatives.
struct LvJet { float v; vec2 g; vec3 h; };  // value, gradient, Hessian (xx, xy, yy)
float lv_pow(float a, float b) {
  // GLSL's pow is undefined for a < 0; integer exponents are well defined there.
  if (a < 0.0 && b == floor(b)) {
    float m = pow(-a, b);
    return mod(b, 2.0) == 0.0 ? m : -m;
  }
  if (a == 0.0) return b > 0.0 ? 0.0 : (b == 0.0 ? 1.0 : 1.0 / 0.0);
  return pow(a, b);
}
float lv_sigmoid(float a) { return 1.0 / (1.0 + exp(-a)); }
float lv_sigmoid_d1(float a) { float s = lv_sigmoid(a); return s * (1.0 - s); }
float lv_sigmoid_d2(float a) { float s = lv_sigmoid(a); return s * (1.0 - s) * (1.0 - 2.0 * s); }
float lv_softplus(float a) { return max(a, 0.0) + log(1.0 + exp(-abs(a))); }
vec3 lv_dual1(vec3 a, float f, float da) { return vec3(f, da * a.yz); }
vec3 lv_dual2(vec3 a, vec3 b, float f, float da, float db) { return vec3(f, da * a.yz + db * b.yz); }
vec3 lv_outer(vec2 u, vec2 w) { return vec3(u.x * w.x, 0.5 * (u.x * w.y + u.y * w.x), u.y * w.y); }
LvJet lv_jet1(LvJet a, float f, float da, float daa) {
  return LvJet(f, da * a.g, da * a.h + daa * lv_outer(a.g, a.g));
}
LvJet lv_jet2(LvJet a, LvJet b, float f, float da, float db, float daa, float dab, float dbb) {
  return LvJet(f, da * a.g + db * b.g,
               da * a.h + db * b.h + daa * lv_outer(a.g, a.g) + 2.0 * dab * lv_outer(a.g, b.g) +
               dbb * lv_outer(b.g, b.g));
}
)";
}

std::string glsl_value_function(const Expr& expr, const std::string& name) {
  if (expr.dimension() != 2 || !expr.parameters().empty()) {
    throw InputError("formula '" + expr.text() +
                     "' must use only x and y to be drawn beside the surface");
  }
  return "float " + name + "(vec2 p) {\n" + function_body(expr, Flavor::Value) + "}\n";
}

std::string glsl_formula(const Expr& expr) {
  if (expr.dimension() != 2) {
    throw InputError("formula '" + expr.text() + "' has " + std::to_string(expr.dimension()) +
                     " variables; only 2D formulas can be drawn as a surface");
  }
  std::string code = "// generated by lossviz from: " + expr.text() + "\n";
  for (const FormulaParameter& parameter : expr.parameters()) {
    code += "uniform float " + glsl_parameter_uniform(parameter.name) + ";\n";
  }
  code += "float lv_f(vec2 p) {\n" + function_body(expr, Flavor::Value) + "}\n";
  code += "vec3 lv_f_grad(vec2 p) {\n" + function_body(expr, Flavor::Gradient) + "}\n";
  code += "LvJet lv_f_jet(vec2 p) {\n" + function_body(expr, Flavor::Jet) + "}\n";
  return code;
}

}  // namespace lv
