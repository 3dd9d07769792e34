// lossviz-cli's curvature contracts (docs/curvature.md): train --sharpness-every/--sharpness-out
// writes "step,loss,lambda_max,two_over_lr" at update 0 and every K updates, its last λmax
// agreeing with `spectrum --top-k 1` on the written weights; mse trains on a 3-class set (one-hot
// targets); spectrum --per-layer/--sharpness/--sam-rho add their JSON keys; bad values exit 2.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "process.hpp"
#include "temp_path.hpp"

using lv::test::cli;
using lv::test::run_process;
using lv::test::slurp;
using lv::test::temp_path;

namespace {

const char* const k_data = "spirals:n=200,noise=0.1,seed=1";

std::string write_spec(const std::string& loss) {
  const std::string path = temp_path("spec.json");
  std::FILE* file = std::fopen(path.c_str(), "w");
  REQUIRE(file != nullptr);
  std::fputs(("{\"layers\":[{\"type\":\"linear\",\"in\":2,\"out\":8},{\"type\":\"tanh\"},"
              "{\"type\":\"linear\",\"in\":8,\"out\":3}],\"loss\":\"" +
              loss + "\"}")
                 .c_str(),
             file);
  std::fclose(file);
  return path;
}

std::vector<std::vector<double>> csv_rows(const std::string& text, std::string& header) {
  std::istringstream stream(text);
  std::getline(stream, header);
  std::vector<std::vector<double>> rows;
  for (std::string line; std::getline(stream, line);) {
    std::vector<double> row;
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, ',');) row.push_back(std::stod(field));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

TEST_CASE("train --sharpness-every writes the contract's CSV; its lambda_max is spectrum's") {
  const std::string spec = write_spec("mse");  // mse on 3 classes: one-hot targets
  const std::string weights = temp_path("w.safetensors"), csv = temp_path("sharpness.csv");
  const auto trained = run_process(cli("train --model " + spec + " --data " + k_data +
                                       " --optimizer gd --set lr=0.1 --epochs 30 --batch-size 0"
                                       " --seed 2 --out " +
                                       weights +
                                       " --sharpness-every 10"
                                       " --sharpness-out " +
                                       csv));
  REQUIRE_MESSAGE(trained.exit_code == 0, trained.err);
  std::string header;
  const auto rows = csv_rows(slurp(csv), header);
  CHECK(header == "step,loss,lambda_max,two_over_lr");
  REQUIRE(rows.size() == 4);  // updates 0, 10, 20, 30 (full batch: one update per epoch)
  for (size_t k = 0; k < rows.size(); ++k) {
    REQUIRE(rows[k].size() == 4);
    CHECK(rows[k][0] == 10.0 * k);
    CHECK(rows[k][3] == doctest::Approx(20.0));  // 2 / 0.1
    CHECK(rows[k][2] > 0.0);
  }
  CHECK(rows.back()[1] < rows.front()[1]);  // the loss fell
  const auto spectrum = run_process(cli("spectrum --model " + spec + " --weights " + weights +
                                        " --data " + k_data + " --top-k 1 --json"));
  REQUIRE_MESSAGE(spectrum.exit_code == 0, spectrum.err);
  const auto document = nlohmann::json::parse(spectrum.out);
  const double exact = document["top_eigenvalues"][0];
  CHECK(rows.back()[2] == doctest::Approx(exact).epsilon(1e-2));  // 1% relative residual
}

TEST_CASE("spectrum --per-layer, --sharpness and --sam-rho add their keys") {
  const std::string spec = write_spec("cross_entropy");
  const std::string weights = temp_path("w2.safetensors");
  REQUIRE(run_process(cli("train --model " + spec + " --data " + k_data +
                          " --optimizer adam --set lr=0.01 --epochs 5 --batch-size 50 --out " +
                          weights))
              .exit_code == 0);
  const auto result =
      run_process(cli("spectrum --model " + spec + " --weights " + weights + " --data " + k_data +
                      " --top-k 2 --per-layer --sharpness eps=1e-3,steps=10"
                      " --sam-rho 0.05 --json"));
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  const auto document = nlohmann::json::parse(result.out);
  CHECK(result.err.find("spectrum: done") != std::string::npos);  // progress, then the summary
  CHECK(document["hessian_vector_products"].get<long>() >= 2);
  REQUIRE(document["layers"].size() == 4);
  CHECK(document["layers"][0]["name"] == "0.weight");
  CHECK(document["layers"][3]["name"] == "2.bias");
  for (const auto& layer : document["layers"]) {
    CHECK(layer.contains("top_eigenvalue"));
    CHECK(layer.contains("trace"));
    // A diagonal block's top eigenvalue is at most the whole Hessian's (Cauchy interlacing).
    CHECK(layer["top_eigenvalue"].get<double>() <=
          document["top_eigenvalues"][0].get<double>() * (1 + 1e-6));
  }
  CHECK(document["epsilon_sharpness"].get<double>() >= 0.0);
  CHECK(document["sam_sharpness"].is_number());
  // Hutch++ with all of the model's 59 dimensions in its sketch is the exact trace; Hutchinson's
  // estimate with many probes agrees within its error.
  const auto exact =
      run_process(cli("spectrum --model " + spec + " --weights " + weights + " --data " + k_data +
                      " --top-k 1 --trace --trace-method hutch++ --probes 180"
                      " --json"));
  REQUIRE_MESSAGE(exact.exit_code == 0, exact.err);
  const auto hutchpp = nlohmann::json::parse(exact.out);
  CHECK(hutchpp["trace_method"] == "hutch++");
  const auto sampled =
      run_process(cli("spectrum --model " + spec + " --weights " + weights + " --data " + k_data +
                      " --top-k 1 --trace --probes 2000"
                      " --json"));
  REQUIRE(sampled.exit_code == 0);
  const auto hutchinson = nlohmann::json::parse(sampled.out);
  CHECK(hutchinson["trace_method"] == "hutchinson");
  CHECK(std::abs(hutchinson["trace"].get<double>() - hutchpp["trace"].get<double>()) <=
        4 * hutchinson["trace_standard_error"].get<double>());
}

TEST_CASE("bad curvature flags exit 2 naming the flag") {
  const std::string spec = write_spec("mse");
  const auto no_out = run_process(cli("train --model " + spec + " --data " + k_data +
                                      " --optimizer gd --epochs 1 --out " +
                                      temp_path("w3.safetensors") + " --sharpness-every 5"));
  CHECK(no_out.exit_code == 2);
  CHECK(no_out.err.find("--sharpness-out") != std::string::npos);
  const auto bad_eps = run_process(cli("spectrum --model " + spec +
                                       " --weights x.safetensors"
                                       " --data " +
                                       std::string(k_data) + " --sharpness eps=-1"));
  CHECK(bad_eps.exit_code == 2);
  CHECK(bad_eps.err.find("--sharpness") != std::string::npos);
  const auto bad_method =
      run_process(cli("spectrum --model " + spec + " --weights x.safetensors --data " +
                      std::string(k_data) + " --trace --trace-method exact"));
  CHECK(bad_method.exit_code == 2);
  CHECK(bad_method.err.find("--trace-method") != std::string::npos);
}
