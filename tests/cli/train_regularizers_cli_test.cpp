// lossviz-cli train's schedule and regularizer flags from outside: --history writes one row per
// epoch with the lr in force and marks the epoch early stopping kept (the lowest validation
// loss); --schedule-step epoch steps the schedule once per epoch; bad flags exit 2 with one line.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "process.hpp"
#include "text_checks.hpp"

using lv::test::cli;
using lv::test::read_csv;
using lv::test::run_process;

namespace {

std::string temp_dir() {
  const std::string path = "/tmp/lossviz-train-reg-" + std::to_string(::getpid());
  std::filesystem::create_directories(path);
  return path;
}

std::string write_spec(const std::string& dir) {
  const std::string spec = dir + "/spec.json";
  std::ofstream(spec)
      << R"({"layers":[{"type":"linear","in":2,"out":32},{"type":"tanh"},{"type":"linear","in":32,"out":2}],"loss":"cross_entropy"})";
  return spec;
}

}  // namespace

TEST_CASE("train --patience --history: the kept row has the lowest validation loss") {
  const std::string dir = temp_dir();
  const std::string history = dir + "/history.csv";
  const auto trained = run_process(
      cli("train --model " + write_spec(dir) +
          " --data moons:n=60,noise=0.4,seed=2 --optimizer adamw --set lr=0.02 --epochs 300"
          " --validation 0.5 --patience 20 --weight-decay 0.01 --weight-decay-mode decoupled"
          " --dropout 0.1 --clip-norm 5 --seed 1 --out " +
          dir + "/w.safetensors --history " + history));
  REQUIRE(trained.exit_code == 0);
  CHECK(trained.err.find("kept epoch") != std::string::npos);
  const auto rows = read_csv(history);
  REQUIRE(rows.size() > 2);
  CHECK(rows[0] == std::vector<std::string>{"epoch", "step", "lr", "train_loss", "train_accuracy",
                                            "validation_loss", "validation_accuracy", "kept",
                                            "grad_norm", "update_norm", "param_norm",
                                            "effective_lr", "update_ratio"});
  size_t kept_row = 0, lowest_row = 1;
  for (size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(rows[i].size() == 13);
    // The norms are consistent with each other: effective lr = ‖Δw‖/‖g‖, ratio = ‖Δw‖/‖w‖, and
    // clipping at 5 caps ‖g‖.
    const double gradient = std::stod(rows[i][8]), update = std::stod(rows[i][9]);
    const double parameters = std::stod(rows[i][10]);
    CHECK(gradient <= 5.0 + 1e-9);
    CHECK(parameters > 0.0);
    CHECK(std::stod(rows[i][11]) == doctest::Approx(update / gradient));
    CHECK(std::stod(rows[i][12]) == doctest::Approx(update / parameters));
    if (rows[i][7] == "1") {
      CHECK(kept_row == 0);  // one kept row
      kept_row = i;
    }
    if (std::stod(rows[i][5]) < std::stod(rows[lowest_row][5])) lowest_row = i;
  }
  CHECK(kept_row == lowest_row);
  CHECK(trained.err.find("kept epoch " + rows[kept_row][0]) != std::string::npos);
}

TEST_CASE("train --schedule-step epoch: the lr changes once per epoch") {
  const std::string dir = temp_dir();
  const std::string history = dir + "/lr.csv";
  const auto trained =
      run_process(cli("train --model " + write_spec(dir) +
                      " --data moons:n=40 --optimizer sgd --set lr=0.8 --epochs 3 --batch-size 10"
                      " --schedule step --sched-set step_size=1 --sched-set gamma=0.5"
                      " --schedule-step epoch --out " +
                      dir + "/w.safetensors --history " + history));
  REQUIRE(trained.exit_code == 0);
  const auto rows = read_csv(history);
  REQUIRE(rows.size() == 4);
  CHECK(std::stod(rows[1][2]) == doctest::Approx(0.8));
  CHECK(std::stod(rows[2][2]) == doctest::Approx(0.4));
  CHECK(std::stod(rows[3][2]) == doctest::Approx(0.2));
  CHECK(rows[1][5].empty());  // no validation set: empty columns
}

TEST_CASE("train's regularizer flags reject bad values with one line and exit 2") {
  const std::string dir = temp_dir();
  const std::string base = "train --model " + write_spec(dir) +
                           " --data moons:n=40 --optimizer sgd --epochs 2 --out " + dir +
                           "/w.safetensors ";
  for (const auto& [flags, message] : std::vector<std::pair<std::string, std::string>>{
           {"--weight-decay-mode l1", "must be l2 or decoupled"},
           {"--schedule-step epoch", "--schedule-step needs --schedule"},
           {"--schedule step --schedule-step batch", "must be iteration or epoch"},
           {"--clip-norm -1", "--clip-norm must be >= 0"},
           {"--patience 3", "--patience needs --validation"}}) {
    const auto result = run_process(cli(base + flags));
    CHECK_MESSAGE(result.exit_code == 2, flags);
    CHECK_MESSAGE(result.err.find(message) != std::string::npos, result.err);
  }
  const auto gd = run_process(cli("train --model " + write_spec(dir) +
                                  " --data moons:n=40 --optimizer gd --epochs 2 --weight-decay 0.1"
                                  " --weight-decay-mode decoupled --out " +
                                  dir + "/w.safetensors"));
  CHECK(gd.exit_code == 2);
  CHECK(gd.err.find("has no weight_decay") != std::string::npos);
}
