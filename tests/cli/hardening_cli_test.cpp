// Bad input through lossviz-cli, as a user types it: every case exits 2 with one line naming the
// flag or the input at fault, and a failed command leaves every existing file as it was.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "process.hpp"
#include "temp_path.hpp"

using lv::test::cli;
using lv::test::run_process;
using lv::test::slurp;
using lv::test::temp_path;

namespace {

void write_text(const std::string& path, const std::string& text) {
  std::FILE* file = std::fopen(path.c_str(), "w");
  REQUIRE(file != nullptr);
  std::fputs(text.c_str(), file);
  std::fclose(file);
}

void check_usage_error(const lv::test::ProcessResult& result, const std::string& expected) {
  CHECK_MESSAGE(result.exit_code == 2, result.err);
  CHECK_MESSAGE(result.err.find(expected) != std::string::npos, result.err);
}

const char* const k_spec = R"({"layers":[{"type":"linear","in":2,"out":4},{"type":"tanh"},)"
                           R"({"type":"linear","in":4,"out":3}],"loss":"cross_entropy"})";

}  // namespace

TEST_CASE("hessian at a pole is an error, not inf/NaN with exit 0") {
  check_usage_error(run_process(cli("hessian --expr \"1/x + y\" --at 0,1 --json")), "not finite");
  check_usage_error(run_process(cli("hessian --expr \"log(x)\" --at=-1,0")), "not finite");
}

TEST_CASE("a start point that is not finite is refused, naming the flag") {
  check_usage_error(run_process(cli("run --function rosenbrock --optimizer sgd --start nan,1 "
                                    "--steps 3")),
                    "--start");
  check_usage_error(run_process(cli("run --function rosenbrock --optimizer sgd --start 1e999,1 "
                                    "--steps 3")),
                    "--start");
}

TEST_CASE("formulas nested beyond the limit are errors naming the limit, not stack overflows") {
  const std::string minus(60000, '-');
  check_usage_error(run_process(cli("hessian --expr \"" + minus + "x\" --at 0,0")),
                    "deeper than 1000");
  std::string sum = "x";
  for (int i = 0; i < 20000; ++i) sum += "+y";
  check_usage_error(run_process(cli("run --expr \"" + sum +
                                    "\" --optimizer sgd --start 1,1 "
                                    "--steps 1")),
                    "deeper than 1000");
}

TEST_CASE("model sizes beyond the limits fail before anything is allocated") {
  const std::string spec = temp_path("wide.json");
  write_text(spec, R"({"layers":[{"type":"linear","in":2,"out":4294967300}],"loss":"mse"})");
  check_usage_error(run_process(cli("train --model " + spec +
                                    " --data linear-regression:n=20 --optimizer sgd --epochs 1 "
                                    "--out " +
                                    temp_path("w.safetensors"))),
                    "larger than the limit");
  write_text(spec, R"({"layers":[{"type":"linear","in":2,"out":100000},)"
                   R"({"type":"linear","in":100000,"out":100000}],"loss":"mse"})");
  check_usage_error(run_process(cli("train --model " + spec +
                                    " --data linear-regression:n=20 --optimizer sgd --epochs 1 "
                                    "--out " +
                                    temp_path("w.safetensors"))),
                    "parameters, more than the limit");
  std::remove(spec.c_str());
}

TEST_CASE("landscape checks --threads and --resolution before any work") {
  const std::string out = temp_path("never.h5");
  check_usage_error(run_process(cli("landscape --model m.json --weights w.safetensors --data "
                                    "spirals --resolution 5 --threads -1 --out " +
                                    out)),
                    "--threads must be between 0 and 1024");
  check_usage_error(run_process(cli("landscape --model m.json --weights w.safetensors --data "
                                    "spirals --resolution 100000 --out " +
                                    out)),
                    "--resolution must be between 2 and 5001");
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("train with a --checkpoints that is a file fails before writing --out") {
  const std::string spec = temp_path("spec.json");
  const std::string weights = temp_path("keep.safetensors");
  const std::string not_a_folder = temp_path("checkpoints-file");
  write_text(spec, k_spec);
  write_text(weights, "the user's old weights");
  write_text(not_a_folder, "a file");
  check_usage_error(run_process(cli("train --model " + spec +
                                    " --data spirals:n=60 --optimizer sgd --epochs 1 --out " +
                                    weights + " --checkpoints " + not_a_folder)),
                    "is not a folder");
  CHECK(slurp(weights) == "the user's old weights");
  check_usage_error(run_process(cli("train --model " + spec +
                                    " --data spirals:n=60 --optimizer sgd --epochs 1 --out " +
                                    "/nonexistent-folder/w.safetensors")),
                    "does not exist");
  for (const std::string& path : {spec, weights, not_a_folder}) std::remove(path.c_str());
}

TEST_CASE("compare rejects a bad --dpi before writing --out") {
  const std::string table = temp_path("keep.csv");
  write_text(table, "the user's old table");
  check_usage_error(run_process(cli("compare --function quadratic --optimizer sgd --steps 5 "
                                    "--starts 1 --grid-points 3 --out " +
                                    table + " --figure " + temp_path("f.png") + " --dpi 0")),
                    "--dpi");
  CHECK(slurp(table) == "the user's old table");
  std::remove(table.c_str());
}

TEST_CASE("an output that is a folder, or in a missing folder, is named before the run") {
  const std::string folder = temp_path("folder.csv");
  std::filesystem::create_directory(folder);
  check_usage_error(
      run_process(cli("run --function rosenbrock --optimizer sgd --steps 3 --out " + folder)),
      "is a folder");
  std::filesystem::remove(folder);
  check_usage_error(run_process(cli("plot --function rosenbrock --optimizer sgd --steps 3 --out "
                                    "/nonexistent-folder/f.svg")),
                    "does not exist");
}
