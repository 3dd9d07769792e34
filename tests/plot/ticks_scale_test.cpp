// Nice numbers (Heckbert, Graphics Gems 1990: nicenum picks 1, 2, 5 or 10 × 10^k), axis ticks
// and the value scale's contour levels, against hand-worked values.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "plot/nice_ticks.hpp"
#include "plot/value_scale.hpp"

TEST_CASE("Heckbert's nice numbers") {
  // Rounding thresholds 1.5, 3, 7 on the mantissa; ceiling thresholds 1, 2, 5.
  CHECK(lv::nice_number(0.63, true) == doctest::Approx(0.5));
  CHECK(lv::nice_number(0.73, true) == doctest::Approx(1.0));
  CHECK(lv::nice_number(1.4, true) == doctest::Approx(1.0));
  CHECK(lv::nice_number(2.9, true) == doctest::Approx(2.0));
  CHECK(lv::nice_number(7.5, true) == doctest::Approx(10.0));
  CHECK(lv::nice_number(13.0, false) == doctest::Approx(20.0));
  CHECK(lv::nice_number(0.0031, false) == doctest::Approx(0.005));
}

TEST_CASE("linear ticks sit at multiples of a nice spacing inside the range") {
  const lv::Ticks symmetric = lv::linear_ticks(-2.0, 2.0, 5);
  CHECK(symmetric.values == std::vector<double>{-2.0, -1.0, 0.0, 1.0, 2.0});
  CHECK(symmetric.labels == std::vector<std::string>{"-2", "-1", "0", "1", "2"});
  // range 22 over 5 intervals: 4.4 rounds to 5.
  CHECK(lv::linear_ticks(0.0, 22.0, 6).values == std::vector<double>{0.0, 5.0, 10.0, 15.0, 20.0});
  const lv::Ticks fractional = lv::linear_ticks(-0.3, 0.3, 4);  // 0.2 spacing
  CHECK(fractional.labels == std::vector<std::string>{"-0.2", "0.0", "0.2"});
}

TEST_CASE("log ticks are powers of ten with superscript labels") {
  const lv::Ticks ticks = lv::log_ticks(0.005, 2000.0);
  REQUIRE(ticks.values.size() == 6);
  CHECK(ticks.values.front() == doctest::Approx(0.01));
  CHECK(ticks.values.back() == doctest::Approx(1000.0));
  CHECK(ticks.labels[0] == "10\u207b\u00b2");
  CHECK(ticks.labels[2] == "1");
  CHECK(ticks.labels[3] == "10");
  CHECK(ticks.labels[5] == "10\u00b3");
}

TEST_CASE("linear levels are nice multiples strictly inside the range") {
  // range 10 over 5 requested levels: 10/6 = 1.67 rounds to 2 → 2, 4, 6, 8.
  const auto levels = lv::ValueScale::linear(0.0, 10.0).levels(5);
  CHECK(levels == std::vector<double>{2.0, 4.0, 6.0, 8.0});
  const lv::ValueScale scale = lv::ValueScale::linear(0.0, 10.0);
  CHECK(scale.normalized(2.5) == doctest::Approx(0.25));
  CHECK(scale.value_at(0.25) == doctest::Approx(2.5));
}

TEST_CASE("log levels are 1-2-5 per decade, or powers of ten") {
  const lv::ValueScale scale = lv::ValueScale::logarithmic(0.01, 100.0);  // 4 decades
  CHECK(scale.normalized(1.0) == doctest::Approx(0.5));
  CHECK(scale.value_at(0.25) == doctest::Approx(0.1));
  const auto three_per_decade = scale.levels(12);
  REQUIRE(three_per_decade.size() == 11);  // 0.02 0.05 0.1 0.2 0.5 1 2 5 10 20 50
  CHECK(three_per_decade[0] == doctest::Approx(0.02));
  CHECK(three_per_decade[1] == doctest::Approx(0.05));
  CHECK(three_per_decade[10] == doctest::Approx(50.0));
  const auto one_per_decade = scale.levels(4);
  CHECK(one_per_decade.size() == 3);  // 0.1 1 10
  CHECK(one_per_decade[1] == doctest::Approx(1.0));
  // A surface reaching 0 (a minimum) starts the log scale 5 decades below the maximum.
  CHECK(lv::ValueScale::logarithmic(0.0, 1000.0).low() == doctest::Approx(0.01));
  // Negative values have no log scale: it stays linear.
  CHECK_FALSE(lv::ValueScale::logarithmic(-1.0, 10.0).is_log());
  const lv::ValueScale centred = lv::ValueScale::symmetric(-1.0, 4.0);
  CHECK(centred.low() == -4.0);
  CHECK(centred.normalized(0.0) == doctest::Approx(0.5));
}

TEST_CASE("ticks over extreme and degenerate ranges stay finite and bounded") {
  // ±1e308: the width overflows a double; the ticks must still be finite and inside the range.
  const lv::Ticks huge = lv::linear_ticks(-1e308, 1e308, 5);
  REQUIRE_FALSE(huge.values.empty());
  CHECK(huge.values.size() <= 20);
  for (double value : huge.values) {
    CHECK(std::isfinite(value));
    CHECK(value >= -1e308);
    CHECK(value <= 1e308);
  }
  CHECK(lv::linear_ticks(-1.7e308, 1.7e308, 2).values.size() >= 1);
  // A range narrower than the spacing of doubles near it: one tick, no endless loop.
  CHECK(lv::linear_ticks(1e16, 1e16 + 2.0, 5).values.size() <= 20);
  CHECK(lv::linear_ticks(1.0, std::nextafter(1.0, 2.0), 5).values.size() <= 20);
  // Absurd tick counts are clamped.
  CHECK(lv::linear_ticks(0.0, 1.0, 2000000000).values.size() <= 4000);
  CHECK(lv::linear_ticks(0.0, 1.0, -5).values.size() >= 1);
  // Log ticks of a range that touches zero or is reversed fall back to linear ticks.
  CHECK_FALSE(lv::log_ticks(0.0, 10.0).values.empty());
  CHECK_FALSE(lv::log_ticks(10.0, 1.0).values.empty());
  CHECK_FALSE(lv::log_ticks(1e-320, 1e308).values.empty());
}

TEST_CASE("log axis ticks in log10 units: decades as people read them, 1-2-5 within two") {
  std::vector<double> minor;
  // 1e-18 … 20: twenty decades thinned to at most five labels, powers of ten only.
  const lv::Ticks wide = lv::log10_axis_ticks(-18.3, 1.3, &minor);
  CHECK(wide.values.size() <= 5);
  CHECK(wide.values.size() >= 3);
  for (const double value : wide.values) CHECK(value == std::round(value));
  CHECK(wide.labels.front() == "1e-18");
  CHECK(minor.empty());  // too many decades for minor ticks
  // 0.003 … 30: "0.01", "0.1", "1", "10", with minor ticks at 2…9 × 10^k.
  const lv::Ticks few = lv::log10_axis_ticks(std::log10(0.003), std::log10(30.0), &minor);
  CHECK(few.labels == std::vector<std::string>{"0.01", "0.1", "1", "10"});
  CHECK(minor.size() > 20);
  for (const double at : minor) {
    CHECK(at > std::log10(0.003));
    CHECK(at < std::log10(30.0));
  }
  // 0.02 … 0.4 (less than two decades): 1, 2 and 5 times powers of ten.
  const lv::Ticks narrow = lv::log10_axis_ticks(std::log10(0.02), std::log10(0.4));
  CHECK(narrow.labels == std::vector<std::string>{"0.02", "0.05", "0.1", "0.2"});
  CHECK(narrow.values[1] == doctest::Approx(std::log10(0.05)));
  // 0.21 … 0.29: no 1-2-5 value inside; nice linear values of the data instead.
  const lv::Ticks tight = lv::log10_axis_ticks(std::log10(0.21), std::log10(0.29));
  REQUIRE(tight.values.size() >= 2);
  for (const double at : tight.values) {
    CHECK(at >= std::log10(0.21) - 1e-12);
    CHECK(at <= std::log10(0.29) + 1e-12);
  }
  CHECK(lv::log10_axis_ticks(1.0, 1.0).values.empty());  // empty range
  CHECK(lv::log10_axis_ticks(-INFINITY, 2.0).values.empty());
}
