// lossviz-cli lr-find and run --precision, run as a user would: the CSV/JSON formats of the LR
// range test, its suggestion below GD's stability limit 2/L on a quadratic (L = κ), and float32
// trajectories whose every coordinate is a float (checked with static_cast<float>).
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "process.hpp"

using lv::test::cli;
using lv::test::run_process;

TEST_CASE("lr-find CSV: header step,lr,loss, lrs growing from --min-lr by a constant factor") {
  const auto r =
      run_process(cli("lr-find --function quadratic --param kappa=10 --start 1,1 "
                      "--optimizer sgd --min-lr 1e-5 --max-lr 1e-1 --steps 5"));
  REQUIRE(r.exit_code == 0);
  const auto lines = lv::split(r.out, '\n');
  REQUIRE(lines.size() >= 6);
  CHECK(lines[0] == "step,lr,loss");
  const std::vector<double> expected = {1e-5, 1e-4, 1e-3, 1e-2, 1e-1};
  for (int i = 0; i < 5; ++i) {
    const auto fields = lv::split(lines[i + 1], ',');
    REQUIRE(fields.size() == 3);
    CHECK(fields[0] == std::to_string(i + 1));
    CHECK(std::stod(fields[1]) == doctest::Approx(expected[i]));
  }
  // After the first update (lr 1e-5) from (1,1): x = (1 − 1e-5, 1 − 1e-4), f = ½(x² + 10y²).
  const double x = 1 - 1e-5, y = 1 - 1e-4;
  CHECK(std::stod(lv::split(lines[1], ',')[2]) == doctest::Approx(0.5 * (x * x + 10 * y * y)));
}

TEST_CASE("lr-find --json: lr, loss and a suggested lr below 2/L") {
  const auto r =
      run_process(cli("lr-find --function quadratic --param kappa=50 --start 1,1 "
                      "--optimizer sgd --json"));
  REQUIRE(r.exit_code == 0);
  const auto document = nlohmann::json::parse(r.out);
  CHECK(document["lr"].size() == document["loss"].size());
  REQUIRE(document["suggested_lr"].is_number());
  CHECK(document["suggested_lr"].get<double>() < 2.0 / 50.0);
  CHECK(r.err.find("suggested lr") != std::string::npos);
}

TEST_CASE("lr-find: bad input exits 2 with one line naming the flag") {
  const auto r = run_process(cli("lr-find --function quadratic --optimizer sgd --min-lr 0"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--min-lr") != std::string::npos);
  const auto no_lr = run_process(cli("lr-find --function quadratic --optimizer nelder_mead"));
  CHECK(no_lr.exit_code == 2);
}

TEST_CASE("run --precision float32: every coordinate written is exactly a float") {
  const auto r =
      run_process(cli("run --function rosenbrock --optimizer adam --set lr=0.01 "
                      "--start -1.3,1.7 --steps 300 --precision float32"));
  REQUIRE(r.exit_code == 0);
  const auto lines = lv::split(r.out, '\n');
  const auto header = lv::split(lines[0], ',');
  REQUIRE(header[5] == "x0");
  int checked = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    const auto fields = lv::split(lines[i], ',');
    for (int column : {5, 6}) {
      const double value = std::stod(fields[column]);
      REQUIRE(static_cast<double>(static_cast<float>(value)) == value);
      ++checked;
    }
  }
  CHECK(checked == 2 * 301);
  const auto bad = run_process(cli("run --function rosenbrock --optimizer adam --precision fp8"));
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--precision") != std::string::npos);
}
