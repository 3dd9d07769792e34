// lossviz-cli run on the two-parameter models (docs/architecture.md §4.1, §4.7): the loss column
// is the full-data loss computed here from the CSV by hand, --batch-size 0 equals gradient
// descent, mini-batch runs are seeded and carry an epoch column at the end, and bad data fails
// with one line naming the file, line and column.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>

#include "common/text.hpp"
#include "process.hpp"
#include "temp_path.hpp"
#include "text_checks.hpp"

using lv::test::cli;
using lv::test::csv_rows;
using lv::test::run_process;
using lv::test::temp_path;

namespace {

std::string write(const std::string& name, const std::string& text) {
  const std::string path = temp_path(name);
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("list functions names the three models and their data generators") {
  const auto r = run_process(cli("list functions"));
  REQUIRE(r.exit_code == 0);
  for (const char* name :
       {"linear_regression", "logistic_regression", "neuron", "linear:", "blobs:", "tanh:"}) {
    CHECK(r.out.find(name) != std::string::npos);
  }
}

TEST_CASE("linear_regression: the loss column is mean((w·x + b − y)²) over the CSV") {
  const std::string data = write("xy.csv", "x,y\n0,1\n1,3\n2,2\n");
  const auto r = run_process(cli("run --function linear_regression --data " + data +
                                 " --optimizer sgd --set lr=0.1 --start 1,0.5 --steps 2"));
  REQUIRE(r.exit_code == 0);
  const auto rows = csv_rows(r.out);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] == std::vector<std::string>{"step", "loss", "grad_norm", "update_norm", "lr", "x0",
                                            "x1", "param_norm", "effective_lr", "update_ratio"});
  CHECK(std::stod(rows[1][1]) == doctest::Approx(2.75 / 3.0));  // residuals −0.5, −1.5, 0.5
  // ∇ = (2/3)·Σ rᵢ·(xᵢ, 1) = (2/3)·(−0.5, −1.5): GD with lr 0.1 → (1 + 0.1/3, 0.5 + 0.1)
  CHECK(std::stod(rows[2][5]) == doctest::Approx(1.0 + 0.1 / 3.0));
  CHECK(std::stod(rows[2][6]) == doctest::Approx(0.6));
  for (const auto& row : rows) {
    if (row[0] == "step") continue;
    const double w = std::stod(row[5]), b = std::stod(row[6]);
    const double loss =
        (std::pow(b - 1, 2) + std::pow(w + b - 3, 2) + std::pow(2 * w + b - 2, 2)) / 3;
    CHECK(std::stod(row[1]) == doctest::Approx(loss).epsilon(1e-12));
  }
}

TEST_CASE("logistic_regression and neuron: the loss column is the hand-computed mean loss") {
  const std::string labels = write("labels.csv", "x1,x2,label\n1,2,1\n3,-1,0\n");
  const auto logistic = run_process(cli("run --function logistic_regression --data " + labels +
                                        " --optimizer sgd --start 0.5,-0.25 --steps 0"));
  REQUIRE(logistic.exit_code == 0);
  CHECK(std::stod(csv_rows(logistic.out)[1][1]) ==
        doctest::Approx((std::log(2.0) + std::log(1.0 + std::exp(1.75))) / 2.0));
  const std::string curve = write("curve.csv", "x,y\n2,0.5\n-1,0\n");
  const auto neuron = run_process(cli("run --function neuron --data " + curve +
                                      " --optimizer sgd --start 0.25,-0.1 --steps 0"));
  REQUIRE(neuron.exit_code == 0);
  CHECK(std::stod(csv_rows(neuron.out)[1][1]) ==
        doctest::Approx((std::pow(std::tanh(0.4) - 0.5, 2) + std::pow(std::tanh(-0.35), 2)) / 2));
}

TEST_CASE("--batch-size 0 is gradient descent; mini-batches are seeded and add an epoch column") {
  const std::string base =
      "run --function linear_regression --data linear:n=40,seed=3 --start 0,0 --steps 25 ";
  const auto gd = run_process(cli(base + "--optimizer gd --set lr=0.2"));
  const auto full = run_process(cli(base + "--optimizer sgd --set lr=0.2 --batch-size 0 --seed 4"));
  REQUIRE(gd.exit_code == 0);
  REQUIRE(full.exit_code == 0);
  CHECK(full.out == gd.out);
  const auto a = run_process(cli(base + "--optimizer sgd --set lr=0.2 --batch-size 8 --seed 4"));
  const auto b = run_process(cli(base + "--optimizer sgd --set lr=0.2 --batch-size 8 --seed 4"));
  const auto c = run_process(cli(base + "--optimizer sgd --set lr=0.2 --batch-size 8 --seed 5"));
  REQUIRE(a.exit_code == 0);
  CHECK(a.out == b.out);
  CHECK(a.out != c.out);
  const auto rows = csv_rows(a.out);
  CHECK(rows[0].back() == "epoch");
  CHECK(rows[0][5] == "x0");
  // rows[k + 1] is trajectory row k; 40 / 8 = 5 batches per epoch.
  CHECK(rows[1].back() == "0");
  CHECK(rows[6].back() == "0");  // update 5: the last batch of epoch 0
  CHECK(rows[7].back() == "1");
  CHECK(rows[26].back() == "4");
}

TEST_CASE("model errors: missing --data, bad CSV, --data on a plain function, bad batch size") {
  auto r = run_process(cli("run --function linear_regression --optimizer sgd --start 0,0"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--data") != std::string::npos);
  const std::string bad = write("bad.csv", "x,y\n1,2\n3,oops\n");
  r = run_process(cli("run --function linear_regression --data " + bad + " --optimizer sgd"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(bad + ":3: column 2 (y): 'oops' is not a finite number") != std::string::npos);
  r = run_process(cli("run --function rosenbrock --data linear --optimizer sgd"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--data") != std::string::npos);
  r = run_process(cli("run --function neuron --data tanh --batch-size -3 --optimizer sgd"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--batch-size") != std::string::npos);
  r = run_process(cli("run --function logistic_regression --data linear --optimizer sgd"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("x1,x2,label") != std::string::npos);
}
