// lossviz-cli with the optimization toolbox: every method is listed, constraints come from
// --constraint and the KKT report names multipliers computed by hand, wrappers take their base's
// settings through --set.
#include <doctest/doctest.h>

#include "common/text.hpp"
#include "process.hpp"

using lv::test::cli;
using lv::test::run_process;

TEST_CASE("list optimizers shows every toolbox method with its settings") {
  const auto r = run_process(cli("list optimizers"));
  REQUIRE(r.exit_code == 0);
  for (const char* name :
       {"lars", "lamb", "adafactor", "sam", "asam", "regularized", "projected", "penalty",
        "log_barrier", "augmented_lagrangian", "admm", "grid_search", "random_search",
        "simulated_annealing", "cma_es", "nelder_mead", "bayesian_optimization"}) {
    INFO(name);
    CHECK(r.out.find("\n" + std::string(name) + " ") != std::string::npos);
  }
  CHECK(r.out.find("trust_coefficient=0.001") != std::string::npos);
  CHECK(r.out.find("base=sgd") != std::string::npos);
}

TEST_CASE("run --constraint: projected gradient reaches (½, ½) with λ = 1 reported") {
  // min x² + y² s.t. x + y >= 1: by hand 2x = 2y = λ and x + y = 1.
  const auto r =
      run_process(cli("run --expr \"x^2 + y^2\" --constraint \"x + y >= 1\" --optimizer projected "
                      "--set lr=0.1 --start 2,2 --steps 100"));
  REQUIRE(r.exit_code == 0);
  const auto lines = lv::split(r.out, '\n');
  const auto last = lv::split(lines[lines.size() - 2], ',');
  CHECK(std::stod(last[5]) == doctest::Approx(0.5));
  CHECK(std::stod(last[6]) == doctest::Approx(0.5));
  CHECK(r.err.find("projected: KKT satisfied") != std::string::npos);
  CHECK(r.err.find("'x + y >= 1' active, multiplier 1") != std::string::npos);
}

TEST_CASE("run --constraint repeats; bad constraints exit 2 with one clear line") {
  const auto r =
      run_process(cli("run --expr \"(x-2)^2 + (y-1)^2\" --constraint \"x^2 <= y\" --constraint "
                      "\"x + y <= 2\" --optimizer augmented_lagrangian --start 0,1 --steps 60"));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("multiplier 0.666667") != std::string::npos);
  const auto strict = run_process(
      cli("run --expr \"x^2\" --constraint \"x > 1\" --optimizer projected --start 2,2"));
  CHECK(strict.exit_code == 2);
  CHECK(strict.err ==
        "lossviz-cli run: error: constraint 'x > 1', col 3: strict '>' is not supported; write "
        "'>='\n");
  const auto none =
      run_process(cli("run --expr \"x^2\" --optimizer log_barrier --start 2,2 --steps 3"));
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("log_barrier needs constraints") != std::string::npos);
}

TEST_CASE("run: --set base=... rebuilds a wrapper's settings; the base's keys then apply") {
  const auto r =
      run_process(cli("run --expr \"x^2 + y^2\" --optimizer sam --set base=lars --set "
                      "trust_coefficient=0.1 --start 2,2 --steps 3"));
  CHECK(r.exit_code == 0);
  const auto wrong =
      run_process(cli("run --expr \"x^2 + y^2\" --optimizer sam --set trust_coefficient=0.1 "
                      "--start 2,2 --steps 3"));
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err.find("unknown hyperparameter 'trust_coefficient'") != std::string::npos);
}
