// `lossviz-cli list functions` names every built-in (checked by running the binary).
#include <doctest/doctest.h>

#include "functions/test_function.hpp"
#include "process.hpp"

TEST_CASE("list functions prints every built-in with its description and formula") {
  const auto result = lv::test::run_process(lv::test::cli("list functions"));
  REQUIRE(result.exit_code == 0);
  for (const lv::TestFunction& function : lv::test_functions()) {
    CAPTURE(function.name);
    const std::string line_start = "\n" + function.name + " ";
    CHECK(("\n" + result.out).find(line_start) != std::string::npos);
    CHECK(result.out.find(function.description) != std::string::npos);
    CHECK(result.out.find(function.formula) != std::string::npos);
  }
}
