// Text helpers: number formatting that round-trips, and typo suggestions.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "common/text.hpp"

TEST_CASE("format_shortest gives the shortest text that reads back exactly") {
  CHECK(lv::format_shortest(0.99) == "0.99");
  CHECK(lv::format_shortest(250.0) == "250");
  CHECK(lv::format_shortest(1e-8) == "1e-08");
  CHECK(lv::format_shortest(1.0 / 3.0) == "0.3333333333333333");
  for (double value : {0.1, 2.0 / 3.0, 123456.789, -4.5e-300, 1e20}) {
    CHECK(std::strtod(lv::format_shortest(value).c_str(), nullptr) == value);
  }
}

TEST_CASE("format_exact prints %.17g as the CSV contract requires") {
  CHECK(lv::format_exact(0.1) == "0.10000000000000001");
}

TEST_CASE("closest_match suggests plausible typos only") {
  const std::vector<std::string> names = {"sin", "cos", "sqrt", "momentum"};
  CHECK(lv::closest_match("sni", names) == "sin");  // transposition costs 1
  CHECK(lv::closest_match("momentun", names) == "momentum");
  CHECK_FALSE(lv::closest_match("q", names).has_value());  // no suggestion for one letter
  CHECK_FALSE(lv::closest_match("banana", names).has_value());
}

TEST_CASE("parse_whole_number accepts whole numbers in range and rejects the rest") {
  CHECK(lv::parse_whole_number("12", 0, 100) == 12);
  CHECK(lv::parse_whole_number("1e2", 0, 100) == 100);
  CHECK(lv::parse_whole_number("-3.0", -5, 5) == -3);
  CHECK_FALSE(lv::parse_whole_number("1.5", 0, 100));
  CHECK_FALSE(lv::parse_whole_number("101", 0, 100));
  CHECK_FALSE(lv::parse_whole_number("nan", 0, 100));
  CHECK_FALSE(lv::parse_whole_number("inf", 0, 100));
  // Far beyond int: must be rejected before any conversion (a cast would be undefined).
  CHECK_FALSE(lv::parse_whole_number("8.04e81", 0, 100000));
  CHECK_FALSE(lv::parse_whole_number("", 0, 1));
  CHECK_FALSE(lv::parse_whole_number("3x", 0, 10));
}
