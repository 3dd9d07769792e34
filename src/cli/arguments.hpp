// Command-line flags for lossviz-cli: `--flag value` or `--flag=value`; a value may start with
// '-' (`--start -1.5,2`). Flags keep their order so `--set` can attach to the `--optimizer`
// before it. Every error is an InputError naming the flag.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/types.hpp"

namespace lv::cli {

struct FlagSpec {
  std::string name;         // without the leading "--"
  bool takes_value = true;  // false: a switch such as --json
  bool repeatable = false;
};

struct Flag {
  std::string name;
  std::string value;
};

class Arguments {
 public:
  // Throws InputError for an unknown flag (with a suggestion), a missing value, a stray
  // positional argument or a non-repeatable flag given twice.
  Arguments(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs);

  const std::vector<Flag>& flags() const { return flags_; }
  bool has(std::string_view name) const;
  std::optional<std::string> value(std::string_view name) const;
  std::vector<std::string> values(std::string_view name) const;
  // Typed accessors: throw InputError("--name: ...") on malformed values.
  std::optional<double> number(std::string_view name) const;
  std::optional<int> integer(std::string_view name) const;
  // A whole number in [low, high], `fallback` when the flag is absent.
  int integer_between(std::string_view name, int low, int high, int fallback) const;
  std::optional<Vec> point(std::string_view name) const;  // "X,Y[,Z...]"

 private:
  std::vector<Flag> flags_;
};

// "k=v" -> {k, v}; throws InputError naming `flag` when there is no '='.
std::pair<std::string, std::string> split_assignment(const std::string& text,
                                                     std::string_view flag);
// "1.5,-2" -> vector; throws InputError naming `flag`.
Vec parse_point(const std::string& text, std::string_view flag);

}  // namespace lv::cli
