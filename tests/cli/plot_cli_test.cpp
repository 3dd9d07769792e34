// lossviz-cli plot and compare, run as a user would: output files checked from outside (xmllint
// for SVG, the PNG IHDR header, the PDF header), exit codes and messages for bad input.
#include <doctest/doctest.h>

#include <hdf5.h>

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "process.hpp"
#include "temp_path.hpp"
#include "text_checks.hpp"

using lv::test::cli;
using lv::test::count_occurrences;
using lv::test::run_process;
using lv::test::slurp;
using lv::test::temp_path;

namespace {

uint32_t big_endian(const std::string& bytes, size_t offset) {
  uint32_t value = 0;
  for (size_t k = 0; k < 4; ++k) value = (value << 8) | static_cast<uint8_t>(bytes[offset + k]);
  return value;
}

void write_dataset(hid_t file, const char* name, const std::vector<hsize_t>& shape,
                   const std::vector<double>& values) {
  const hid_t space = H5Screate_simple(static_cast<int>(shape.size()), shape.data(), nullptr);
  const hid_t dataset =
      H5Dcreate2(file, name, H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  H5Dwrite(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
  H5Dclose(dataset);
  H5Sclose(space);
}

}  // namespace

TEST_CASE("plot writes a well-formed SVG with one trajectory per --optimizer") {
  const std::string out = temp_path("race.svg");
  const auto r =
      run_process(cli("plot --function rosenbrock --optimizer sgd --set lr=1e-3 --optimizer sgd "
                      "--set lr=1e-3 --set momentum=0.9 --optimizer sgd --set lr=0.01 --steps 200 "
                      "--log-levels --label-levels --out " +
                      out));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(run_process("xmllint --noout " + out).exit_code == 0);
  const std::string svg = slurp(out);
  CHECK(count_occurrences(svg, "<g class=\"trajectory\">") == 3);
  CHECK(svg.find("sgd (lr=0.001, momentum=0.9)</text>") != std::string::npos);
  CHECK(svg.find("diverged at step") != std::string::npos);  // lr = 0.01 leaves the valley
  CHECK(svg.find(">Rosenbrock's banana</text>") != std::string::npos);
  std::remove(out.c_str());
}

// plot --constraint (as run has it): the constrained race runs on the set and the figure draws
// it, one group per constraint; the runs end on the boundary (projected gradient at the QP's
// KKT point (1, 0), reported with its multiplier on stderr).
TEST_CASE("plot --constraint draws the feasible set and races constrained methods on it") {
  const std::string out = temp_path("constrained.svg");
  const auto r = run_process(
      cli("plot --expr \"(x - 2)^2 + (y - 1)^2\" --constraint \"x + y <= 1\" --constraint "
          "\"x >= 0\" --optimizer projected --set lr=0.05 --start -1.5,-1.5 --steps 300 --out " +
          out));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(run_process("xmllint --noout " + out).exit_code == 0);
  const std::string svg = slurp(out);
  CHECK(count_occurrences(svg, "<g class=\"constraint\">") == 2);
  CHECK(r.err.find("KKT satisfied") != std::string::npos);
  CHECK(r.err.find("'x + y <= 1' active, multiplier 2") != std::string::npos);
  std::remove(out.c_str());
  // A malformed constraint names itself and its column; --surface figures take none.
  const auto bad = run_process(
      cli("plot --function quadratic --optimizer sgd --constraint \"x +* y <= 1\" --out " +
          temp_path("bad.svg")));
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("x +* y <= 1") != std::string::npos);
  CHECK(bad.err.find("col 4") != std::string::npos);
}

TEST_CASE("plot --combined PNG has size x dpi pixels; PDF has the page size") {
  const std::string png = temp_path("combined.png");
  auto r = run_process(
      cli("plot --function quadratic --optimizer sgd --set lr=0.1 --steps 50 --combined "
          "--size 9x4 --dpi 120 --out " +
          png));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string bytes = slurp(png);
  REQUIRE(bytes.size() > 24);
  CHECK(big_endian(bytes, 16) == 1080);  // 9 in × 120 dpi
  CHECK(big_endian(bytes, 20) == 480);   // 4 in × 120 dpi
  std::remove(png.c_str());

  const std::string pdf = temp_path("loss.pdf");
  r = run_process(cli(
      "plot --expr \"x^2 + 3*y^2\" --optimizer sgd --set lr=0.1 --start 1,1 --steps 30 --kind loss "
      "--size 5x3 --out " +
      pdf));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string document = slurp(pdf);
  CHECK(document.rfind("%PDF-", 0) == 0);
  CHECK(document.find("/MediaBox [ 0 0 360 216 ]") != std::string::npos);  // 5 × 3 in in points
  std::remove(pdf.c_str());
}

TEST_CASE("plot draws a network surface from an HDF5 file with a CSV trajectory") {
  // A loss-landscape file: x, y in [-1, 1] (21 points), train_loss[i][j] = x_i² + 2 y_j².
  const std::string surface = temp_path("surface.h5");
  const hid_t file = H5Fcreate(surface.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  std::vector<double> coordinates, loss;
  for (int i = 0; i <= 20; ++i) coordinates.push_back(-1.0 + 0.1 * i);
  for (double x : coordinates) {
    for (double y : coordinates) loss.push_back(x * x + 2 * y * y);
  }
  write_dataset(file, "xcoordinates", {21}, coordinates);
  write_dataset(file, "ycoordinates", {21}, coordinates);
  write_dataset(file, "train_loss", {21, 21}, loss);
  H5Fclose(file);
  const std::string csv = temp_path("path.csv");
  auto r = run_process(cli(
      "run --expr \"x^2 + 2*y^2\" --optimizer sgd --set lr=0.1 --start 0.8,0.8 --steps 20 --out " +
      csv));
  REQUIRE(r.exit_code == 0);
  const std::string out = temp_path("surface.svg");
  r = run_process(
      cli("plot --surface " + surface + " --trajectory " + csv + " --colormap magma --out " + out));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string svg = slurp(out);
  CHECK(run_process("xmllint --noout " + out).exit_code == 0);
  CHECK(count_occurrences(svg, "<g class=\"trajectory\">") == 1);
  CHECK(svg.find(">train loss</text>") != std::string::npos);
  for (const std::string& path : {surface, csv, out}) std::remove(path.c_str());
}

TEST_CASE("plot rejects bad input with exit code 2 and leaves existing files untouched") {
  const std::string keep = temp_path("keep.svg");
  {
    std::FILE* file = std::fopen(keep.c_str(), "w");
    std::fputs("old", file);
    std::fclose(file);
  }
  auto r =
      run_process(cli("plot --function quadratic --optimizer sgd --colormap virdis --out " + keep));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean 'viridis'") != std::string::npos);
  CHECK(slurp(keep) == "old");
  r = run_process(
      cli("plot --function quadratic --optimizer sgd --out /nonexistent-dir/figure.png"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot write '/nonexistent-dir/figure.png'") != std::string::npos);
  r = run_process(cli("plot --function quadratic --optimizer sgd --out figure.gif"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--out: expected a .png, .svg or .pdf file") != std::string::npos);
  r = run_process(cli("plot --function quadratic --optimizer sgd --size 3 --out " + keep));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--size") != std::string::npos);
  r = run_process(cli("plot --surface /nonexistent/s.h5 --out " + keep));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot read '/nonexistent/s.h5'") != std::string::npos);
  CHECK(slurp(keep) == "old");
  std::remove(keep.c_str());
}

TEST_CASE("compare prints the table and writes JSON, CSV and a figure") {
  const std::string json = temp_path("compare.json");
  const std::string figure = temp_path("compare.svg");
  auto r =
      run_process(cli("compare --function quadratic --param kappa=1 --optimizer sgd --optimizer "
                      "sgd --set momentum=0.5 "
                      "--steps 30 --starts 4 --grid-points 11 --threads 2 --out " +
                      json + " --figure " + figure));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.find("optimizer") == 0);
  CHECK(r.out.find("sgd momentum=0.5") != std::string::npos);
  CHECK(r.err.find("100%") != std::string::npos);  // progress on stderr
  const auto document = nlohmann::json::parse(slurp(json));
  REQUIRE(document["results"].size() == 2);
  // f = ½(x² + y²) with kappa = 1: plain sgd's best grid lr is 1 (one step to the minimum).
  CHECK(document["results"][0]["best"]["lr"].get<double>() == doctest::Approx(1.0));
  CHECK(document["results"][0]["median"].get<double>() == 0.0);
  CHECK(document["tuning_starts"].size() == 4);
  CHECK(document["held_out_starts"].size() == 4);
  CHECK(run_process("xmllint --noout " + figure).exit_code == 0);
  CHECK(count_occurrences(slurp(figure), "<g class=\"box\">") == 2);

  const std::string csv = temp_path("compare.csv");
  r =
      run_process(cli("compare --function rosenbrock --optimizer sgd --evals 100 --starts 2 "
                      "--search random --trials 5 --out " +
                      csv));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(slurp(csv).rfind("optimizer,best_setting,median,q1,q3,diverged,runs,median_steps_to_target,"
                         "reached_target\n",
                         0) == 0);
  for (const std::string& path : {json, figure, csv}) std::remove(path.c_str());

  r = run_process(cli("compare --function quadratic --optimizer sgd --search annealing"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--search: expected grid or random") != std::string::npos);
  r = run_process(cli("compare --function quadratic --optimizer sgd --start 1,1"));
  CHECK(r.exit_code == 2);
}
