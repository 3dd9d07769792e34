// lossviz-cli run / hessian / list: the contracts of docs/architecture.md §4 checked from outside,
// by running the binary. Expected numbers are computed independently (by hand or closed form).
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "process.hpp"
#include "temp_path.hpp"
#include "text_checks.hpp"

using lv::test::cli;
using lv::test::csv_rows;
using lv::test::run_process;
using lv::test::temp_path;

namespace {}  // namespace

TEST_CASE("run writes the trajectory CSV to stdout with the contract's header and rows") {
  const auto r =
      run_process(cli("run --function quadratic --param kappa=10 --optimizer sgd "
                      "--set lr=0.1 --start 1,1 --steps 3"));
  REQUIRE(r.exit_code == 0);
  const auto rows = csv_rows(r.out);
  REQUIRE(rows.size() == 5);
  // The logged norms are columns added after x (docs/architecture.md §4.3).
  CHECK(rows[0] == std::vector<std::string>{"step", "loss", "grad_norm", "update_norm", "lr", "x0",
                                            "x1", "param_norm", "effective_lr", "update_ratio"});
  CHECK(rows[1] == std::vector<std::string>{"0", "5.5", "10.04987562112089", "0",
                                            "0.10000000000000001", "1", "1", "1.4142135623730951",
                                            "0", "0"});
  // f = ½(x² + 10y²); GD from (1,1) with lr 0.1: (0.9, 0), (0.81, 0), (0.729, 0)
  CHECK(std::stod(rows[2][5]) == doctest::Approx(0.9));
  CHECK(std::stod(rows[4][5]) == doctest::Approx(0.729));
  CHECK(std::stod(rows[4][1]) == doctest::Approx(0.5 * 0.729 * 0.729));
  CHECK(r.err.find("sgd: max_steps after 3 steps") != std::string::npos);
  // Step 1 moved (1,1) to (0.9,0): ‖Δx‖ = √(0.01+1), ‖∇f(1,1)‖ = √101, ‖x0‖ = √2.
  const double update = std::sqrt(1.01);
  CHECK(std::stod(rows[2][7]) == doctest::Approx(0.9));
  CHECK(std::stod(rows[2][8]) == doctest::Approx(update / std::sqrt(101.0)));
  CHECK(std::stod(rows[2][9]) == doctest::Approx(update / std::sqrt(2.0)));
}

TEST_CASE("flag values may start with '-' and --flag=value works") {
  const auto r =
      run_process(cli("run --expr \"x^2 + y^2\" --optimizer=sgd --set lr=0.25 "
                      "--start -1.5,2 --steps=1"));
  REQUIRE(r.exit_code == 0);
  const auto rows = csv_rows(r.out);
  CHECK(std::stod(rows[2][5]) == doctest::Approx(-0.75));
  CHECK(std::stod(rows[2][6]) == doctest::Approx(1.0));
}

TEST_CASE("several optimizers race into one JSON file; --set applies to the optimizer before it") {
  const std::string out = temp_path("race.json");
  const auto r =
      run_process(cli("run --function rosenbrock --optimizer sgd --set lr=1e-3 "
                      "--optimizer sgd --set lr=2e-3 --set momentum=0.9 --start -1.2,1 "
                      "--steps 50 --out " +
                      out));
  REQUIRE(r.exit_code == 0);
  const auto document = nlohmann::json::parse(lv::test::slurp(out));
  REQUIRE(document["runs"].size() == 2);
  CHECK(document["runs"][0]["hyperparameters"]["lr"] == 1e-3);
  CHECK(document["runs"][0]["hyperparameters"]["momentum"] == 0.0);
  CHECK(document["runs"][1]["hyperparameters"]["momentum"] == 0.9);
  CHECK(document["runs"][1]["x"].size() == 51);
  CHECK(document["function"] == "rosenbrock");
  std::remove(out.c_str());
}

TEST_CASE("a diverging run is reported, not drawn as garbage") {
  const auto r = run_process(
      cli("run --function quadratic --optimizer sgd --set lr=0.3 --start 1,1 --steps 1000"));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("sgd: diverged") != std::string::npos);
  CHECK(r.out.find("nan") == std::string::npos);
  CHECK(r.out.find("inf") == std::string::npos);
}

TEST_CASE("hessian --json gives value, gradient, Hessian and ascending eigen-pairs") {
  const auto r = run_process(cli("hessian --function rosenbrock --at 1,1 --json"));
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["value"] == 0.0);
  // ∇²f(1,1) = [[802, −400], [−400, 200]] for a=1, b=100
  CHECK(j["hessian"][0][0] == 802.0);
  CHECK(j["hessian"][0][1] == -400.0);
  CHECK(j["hessian"][1][1] == 200.0);
  const double mean = 501.0, radius = std::sqrt(301.0 * 301.0 + 400.0 * 400.0);
  CHECK(j["eigenvalues"][0].get<double>() == doctest::Approx(mean - radius));
  CHECK(j["eigenvalues"][1].get<double>() == doctest::Approx(mean + radius));
  REQUIRE(j["eigenvectors"].size() == 2);
  // H v = λ v for the first pair
  const double v0 = j["eigenvectors"][0][0], v1 = j["eigenvectors"][0][1];
  const double lambda = j["eigenvalues"][0];
  CHECK(802.0 * v0 - 400.0 * v1 == doctest::Approx(lambda * v0));
}

TEST_CASE("bad input: one clear line on stderr and exit code 2") {
  struct Case {
    std::string arguments;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"run --function rosenbruck --optimizer sgd",
       "unknown function 'rosenbruck' (did you mean 'rosenbrock'?)"},
      {"run --function rosenbrock --optimizer sdg",
       "unknown optimizer 'sdg' (did you mean 'sgd'?)"},
      {"run --expr \"(x + \" --optimizer sgd --start 0,0", "--expr: col 6: expected a number"},
      {"run --function rosenbrock --optimizer sgd --start 1,2,3", "--start has 3 coordinates"},
      {"run --function rosenbrock --optimizer sgd --set lr=-1", "invalid value -1 for 'lr'"},
      {"run --function rosenbrock --optimizer sgd --stesp 10",
       "unknown flag '--stesp' (did you mean '--steps'?)"},
      {"run --function rosenbrock --optimizer sgd --steps", "--steps needs a value"},
      {"run --function rosenbrock --set lr=1 --optimizer sgd",
       "--set lr=1 comes before any --optimizer"},
      {"run --function rosenbrock --optimizer sgd --steps 1.5",
       "--steps: '1.5' is not a whole number"},
      {"run --function rosenbrock --optimizer sgd --schedule cosine_typo",
       "unknown schedule 'cosine_typo'"},
      {"hessian --function rosenbrock", "missing --at X,Y"},
      {"list colors", "cannot list 'colors'"},
      {"frobnicate", "unknown command 'frobnicate'"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.arguments);
    const auto r = run_process(cli(c.arguments));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
}

TEST_CASE("--help prints every command; COMMAND --help and help COMMAND print that command") {
  const auto all = run_process(cli("--help"));
  CHECK(all.exit_code == 0);
  for (const char* command :
       {"list", "run", "hessian", "plot", "compare", "train", "landscape", "spectrum"})
    CHECK(all.out.find(std::string("\n  ") + command + " ") != std::string::npos);
  for (const char* arguments : {"train --help", "help train", "train -h"}) {
    CAPTURE(arguments);
    const auto one = run_process(cli(arguments));
    CHECK(one.exit_code == 0);
    CHECK(one.out.rfind("usage: lossviz-cli train --model SPEC.json", 0) == 0);
    CHECK(one.out.find("landscape") == std::string::npos);
  }
  const auto unknown = run_process(cli("help trian"));
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown command 'trian' (did you mean 'train'?)") != std::string::npos);
}

TEST_CASE("list shows functions, optimizers with hyperparameters, and schedules") {
  const auto functions = run_process(cli("list functions"));
  CHECK(functions.exit_code == 0);
  CHECK(functions.out.find("rosenbrock") != std::string::npos);
  const auto optimizers = run_process(cli("list optimizers"));
  CHECK(optimizers.out.find("sgd") != std::string::npos);
  CHECK(optimizers.out.find("momentum=0") != std::string::npos);
  const auto schedules = run_process(cli("list schedules"));
  CHECK(schedules.out.find("constant") != std::string::npos);
}

TEST_CASE("writing --out never leaves a partial file: an unwritable path fails cleanly") {
  const auto r = run_process(
      cli("run --function quadratic --optimizer sgd --steps 2 --out /nonexistent-dir/x.csv"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot write '/nonexistent-dir/x.csv'") != std::string::npos);
}
