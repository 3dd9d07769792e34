// lossviz-cli with the torch.optim methods, run as a process: `list optimizers` shows each with
// its hyperparameters, `run --optimizer adam --set beta1=...` takes PyTorch's names (betas as
// beta1/beta2), and bad values fail with one line and exit code 2 (docs/architecture.md §4.1).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "common/text.hpp"
#include "process.hpp"

using lv::test::cli;
using lv::test::run_process;

TEST_CASE("list optimizers shows every torch.optim method with its hyperparameters") {
  const auto r = run_process(cli("list optimizers"));
  REQUIRE(r.exit_code == 0);
  for (const char* expected :
       {"\nadagrad ", "\nrmsprop ", "\nadam ", "\nadamw ", "\nnadam ", "\nradam ", "\nadamax ",
        "\nadadelta ", "initial_accumulator_value=0", "lr_decay=0", "centered=false", "beta1=0.9",
        "beta2=0.999", "amsgrad=false", "momentum_decay=0.004", "decoupled_weight_decay=false",
        "eps=1e-10", "rho=0.9", "weight_decay=0.01"}) {
    CAPTURE(std::string(expected));
    CHECK(r.out.find(expected) != std::string::npos);
  }
}

TEST_CASE("run --optimizer adam --set beta1=0.8: the second step uses the new beta1") {
  const auto r =
      run_process(cli("run --expr \"0.5*x^2 + 5*y^2\" --optimizer adam --set lr=0.1 "
                      "--set beta1=0.8 --start 1,0 --steps 2"));
  REQUIRE(r.exit_code == 0);
  const auto lines = lv::split(r.out, '\n');
  REQUIRE(lines.size() >= 4);
  // Adam by hand on the x coordinate (g = x; y stays 0): step 1 m̂ = g, v̂ = g², so
  // x1 = 1 − 0.1·1/(1 + 1e-8). Step 2: g = x1, m = 0.8·0.2 + 0.2·x1, v = 0.999·0.001 + 0.001·x1²,
  // x2 = x1 − 0.1·(m/(1 − 0.8²)) / (√(v/(1 − 0.999²)) + 1e-8).
  const double x1 = 1.0 - 0.1 / (1.0 + 1e-8);
  const double m = 0.8 * 0.2 + 0.2 * x1;
  const double v = 0.999 * 0.001 + 0.001 * x1 * x1;
  const double x2 = x1 - 0.1 * (m / (1.0 - 0.64)) / (std::sqrt(v / (1.0 - 0.998001)) + 1e-8);
  CHECK(std::stod(lv::split(lines[2], ',')[5]) == doctest::Approx(x1).epsilon(1e-12));
  CHECK(std::stod(lv::split(lines[3], ',')[5]) == doctest::Approx(x2).epsilon(1e-12));
  CHECK(r.err.find("adam: max_steps after 2 steps") != std::string::npos);
}

TEST_CASE("every torch.optim method runs from the CLI on Rosenbrock") {
  for (const char* name :
       {"adagrad", "rmsprop", "adam", "adamw", "nadam", "radam", "adamax", "adadelta"}) {
    CAPTURE(name);
    const auto r = run_process(
        cli(std::string("run --function rosenbrock --optimizer ") + name + " --steps 5"));
    CHECK(r.exit_code == 0);
    CHECK(lv::split(r.out, '\n').size() >= 7);  // header + rows 0..5
  }
}

TEST_CASE("bad optimizer settings: one clear line on stderr and exit code 2") {
  struct Case {
    std::string arguments;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"--optimizer adam --set beta1=1", "invalid value 1 for 'beta1': must be in [0, 1)"},
      {"--optimizer adamw --set betas=0.9", "unknown hyperparameter 'betas' (did you mean"},
      {"--optimizer adadelta --set rho=1.5", "invalid value 1.5 for 'rho'"},
      {"--optimizer rmsprop --set centered=maybe", "expected true or false"},
      {"--optimizer adagrad --set lr_decay=-1", "invalid value -1 for 'lr_decay'"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.arguments);
    const auto r = run_process(cli("run --function rosenbrock " + c.arguments));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
}
