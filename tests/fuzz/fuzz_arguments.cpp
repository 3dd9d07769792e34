// Fuzz target: both command-line parsers — lossviz-cli's flag table (with the typed accessors
// every command uses: numbers, whole numbers, points, k=v assignments) and the app's
// parse_command_line. Arguments are the input split at NUL bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "command_line.hpp"
#include "common/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> args(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      args.emplace_back();
    } else {
      args.back() += static_cast<char>(data[i]);
    }
  }
  try {
    const lv::cli::Arguments arguments(
        args, {{"start"}, {"steps"}, {"set", true, true}, {"xrange"}, {"json", false}, {"lr"}});
    (void)arguments.point("start");
    (void)arguments.integer("steps");
    (void)arguments.integer_between("steps", 0, 1000, 1);
    (void)arguments.number("lr");
    for (const std::string& value : arguments.values("set"))
      (void)lv::cli::split_assignment(value, "--set");
  } catch (const lv::InputError&) {
  }
  std::vector<char*> argv;
  std::string program = "lossviz";
  argv.push_back(program.data());
  for (std::string& arg : args) argv.push_back(arg.data());
  try {
    (void)lv::app::parse_command_line(static_cast<int>(argv.size()), argv.data());
  } catch (const lv::InputError&) {
  }
  return 0;
}
