#include "cli/arguments.hpp"

#include <cmath>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv::cli {

Arguments::Arguments(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs) {
  std::vector<std::string> names;
  for (const FlagSpec& spec : specs) names.push_back("--" + spec.name);
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0) {
      throw InputError("unexpected argument '" + arg + "' (flags start with --)");
    }
    const size_t equals = arg.find('=');
    const std::string name =
        arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
    const FlagSpec* spec = nullptr;
    for (const FlagSpec& candidate : specs) {
      if (candidate.name == name) spec = &candidate;
    }
    if (!spec) {
      std::string message = "unknown flag '--" + name + "'";
      if (const auto suggestion = closest_match("--" + name, names)) {
        message += " (did you mean '" + *suggestion + "'?)";
      }
      throw InputError(message);
    }
    if (!spec->repeatable && has(name)) throw InputError("--" + name + " given twice");
    if (!spec->takes_value) {
      if (equals != std::string::npos) throw InputError("--" + name + " takes no value");
      flags_.push_back({name, ""});
      continue;
    }
    if (equals != std::string::npos) {
      flags_.push_back({name, arg.substr(equals + 1)});
      continue;
    }
    if (i + 1 >= args.size()) throw InputError("--" + name + " needs a value");
    flags_.push_back({name, args[++i]});
  }
}

bool Arguments::has(std::string_view name) const {
  for (const Flag& flag : flags_) {
    if (flag.name == name) return true;
  }
  return false;
}

std::optional<std::string> Arguments::value(std::string_view name) const {
  for (const Flag& flag : flags_) {
    if (flag.name == name) return flag.value;
  }
  return std::nullopt;
}

std::vector<std::string> Arguments::values(std::string_view name) const {
  std::vector<std::string> result;
  for (const Flag& flag : flags_) {
    if (flag.name == name) result.push_back(flag.value);
  }
  return result;
}

std::optional<double> Arguments::number(std::string_view name) const {
  const auto text = value(name);
  if (!text) return std::nullopt;
  const auto parsed = parse_double(*text);
  if (!parsed || !std::isfinite(*parsed)) {
    throw InputError("--" + std::string(name) + ": '" + *text + "' is not a finite number");
  }
  return parsed;
}

std::optional<int> Arguments::integer(std::string_view name) const {
  const auto parsed = number(name);
  if (!parsed) return std::nullopt;
  if (*parsed != std::round(*parsed) || std::abs(*parsed) > 2e9) {
    throw InputError("--" + std::string(name) + ": '" + *value(name) + "' is not a whole number");
  }
  return static_cast<int>(*parsed);
}

int Arguments::integer_between(std::string_view name, int low, int high, int fallback) const {
  const int result = integer(name).value_or(fallback);
  if (result < low || result > high) {
    throw InputError("--" + std::string(name) + " must be between " + std::to_string(low) +
                     " and " + std::to_string(high) + ", got " + std::to_string(result));
  }
  return result;
}

std::optional<Vec> Arguments::point(std::string_view name) const {
  const auto text = value(name);
  if (!text) return std::nullopt;
  return parse_point(*text, name);
}

std::pair<std::string, std::string> split_assignment(const std::string& text,
                                                     std::string_view flag) {
  const size_t equals = text.find('=');
  if (equals == std::string::npos || equals == 0) {
    throw InputError("--" + std::string(flag) + ": expected NAME=VALUE, got '" + text + "'");
  }
  return {text.substr(0, equals), text.substr(equals + 1)};
}

Vec parse_point(const std::string& text, std::string_view flag) {
  const std::vector<std::string> fields = split(text, ',');
  Vec point(static_cast<Eigen::Index>(fields.size()));
  for (size_t i = 0; i < fields.size(); ++i) {
    const auto parsed = parse_double(fields[i]);
    if (!parsed || !std::isfinite(*parsed)) {
      throw InputError("--" + std::string(flag) + ": '" + text +
                       "' is not a comma-separated list of numbers");
    }
    point[static_cast<Eigen::Index>(i)] = *parsed;
  }
  return point;
}

}  // namespace lv::cli
