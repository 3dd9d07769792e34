// lossviz-cli with the second-order methods, checked from outside by running the binary:
// `list optimizers` shows every method with its hyperparameters; Gauss–Newton runs on built-ins
// with a residual form and on --expr with --residuals; bad combinations exit 2 with one line.
#include <doctest/doctest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "process.hpp"

using lv::test::cli;
using lv::test::run_process;

namespace {

std::vector<std::string> last_row(const std::string& csv) {
  std::vector<std::string> rows;
  for (const std::string& line : lv::split(csv, '\n')) {
    if (!line.empty()) rows.push_back(line);
  }
  return lv::split(rows.back(), ',');
}

}  // namespace

TEST_CASE("cli: list optimizers shows the second-order methods and their hyperparameters") {
  const auto r = run_process(cli("list optimizers"));
  REQUIRE(r.exit_code == 0);
  for (const char* text :
       {"\ngd ", "\nnewton ", "\ndamped_newton ", "\ngauss_newton ", "\nbfgs ", "\nlbfgs ", "\ncg ",
        "\nnatural_gradient ", "line_search=none", "line_search=wolfe", "history_size=10",
        "beta=polak_ribiere_plus", "saddle_free=false", "hessian=dense", "metric=identity"}) {
    CAPTURE(text);
    CHECK(r.out.find(text) != std::string::npos);
  }
}

TEST_CASE("cli: gauss_newton on --function rosenbrock uses its residual form") {
  // From (−1.5, 2): (1, 2x − x²) = (1, −5.25), then (1, 1) (see gauss_newton_test).
  const auto r = run_process(
      cli("run --function rosenbrock --optimizer gauss_newton --start -1.5,2 --steps 5"));
  REQUIRE(r.exit_code == 0);
  const auto row = last_row(r.out);
  CHECK(row[0] == "2");
  CHECK(std::stod(row[5]) == doctest::Approx(1.0));
  CHECK(std::stod(row[6]) == doctest::Approx(1.0));
  CHECK(r.err.find("gauss_newton: converged") != std::string::npos);
}

TEST_CASE("cli: --residuals with --expr, and its errors") {
  const std::string booth = "--expr \"(x + 2*y - 7)^2 + (2*x + y - 5)^2\" ";
  const auto ok = run_process(cli("run " + booth +
                                  "--residuals \"x + 2*y - 7; 2*x + y - 5\" "
                                  "--optimizer gauss_newton --start 0,0 --steps 3"));
  REQUIRE(ok.exit_code == 0);
  CHECK(std::stod(last_row(ok.out)[5]) == doctest::Approx(1.0));
  CHECK(std::stod(last_row(ok.out)[6]) == doctest::Approx(3.0));

  const auto mismatch = run_process(cli("run " + booth +
                                        "--residuals \"x + 2*y - 7; 2*x + y\" "
                                        "--optimizer gauss_newton --start 0,0 --steps 3"));
  CHECK(mismatch.exit_code == 2);
  CHECK(mismatch.err.find("--residuals: the sum of squared residuals differs from --expr") !=
        std::string::npos);

  const auto missing =
      run_process(cli("run " + booth + "--optimizer gauss_newton --start 0,0 --steps 3"));
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("gauss_newton needs an objective given as residuals") !=
        std::string::npos);

  const auto with_function =
      run_process(cli("run --function rosenbrock --residuals \"x\" "
                      "--optimizer gauss_newton --steps 3"));
  CHECK(with_function.exit_code == 2);
  CHECK(with_function.err.find("--residuals goes with --expr") != std::string::npos);
}

TEST_CASE("cli: line searches add their trial points to the evaluation count in JSON output") {
  const std::string out = "/tmp/lossviz-second-order-" + std::to_string(::getpid()) + ".json";
  const auto r =
      run_process(cli("run --function rosenbrock --optimizer bfgs --optimizer gd "
                      "--set lr=0.001 --start -1.2,1 --steps 5 --out " +
                      out));
  REQUIRE(r.exit_code == 0);
  const auto document = nlohmann::json::parse(lv::test::slurp(out));
  std::remove(out.c_str());
  const auto& runs = document.at("runs");
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].at("optimizer") == "bfgs");
  // gd without a line search: exactly one evaluation per step; bfgs+wolfe: more.
  CHECK(runs[1].at("function_evaluations").back().get<long>() == 5);
  CHECK(runs[0].at("function_evaluations").back().get<long>() > 5);
}
