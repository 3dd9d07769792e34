// lossviz-cli train → landscape → spectrum end to end on spirals with a 2-16-3 tanh net, checked
// from outside: the weights file has torch's state_dict names, the HDF5 surface has the
// loss-landscape layout and its centre is the training loss, the spectrum JSON has the contract's
// keys; bad input exits 2 with one line.
#include <doctest/doctest.h>

#include <hdf5.h>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "files/safetensors.hpp"
#include "process.hpp"

using lv::test::cli;
using lv::test::run_process;

namespace {

std::string temp_dir() {
  const std::string path = "/tmp/lossviz-nn-cli-" + std::to_string(::getpid());
  std::filesystem::create_directories(path);
  return path;
}

std::vector<double> read_h5(const std::string& path, const char* name,
                            std::vector<hsize_t>* shape = nullptr) {
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(file >= 0);
  const hid_t dataset = H5Dopen2(file, name, H5P_DEFAULT);
  REQUIRE(dataset >= 0);
  const hid_t space = H5Dget_space(dataset);
  std::vector<double> values(static_cast<size_t>(H5Sget_simple_extent_npoints(space)));
  if (shape) {
    shape->resize(static_cast<size_t>(H5Sget_simple_extent_ndims(space)));
    H5Sget_simple_extent_dims(space, shape->data(), nullptr);
  }
  H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
  H5Sclose(space);
  H5Dclose(dataset);
  H5Fclose(file);
  return values;
}

const char* k_data = "spirals:n=300,noise=0.1,seed=1";

}  // namespace

TEST_CASE("train -> landscape -> spectrum on spirals with a 2-16-3 tanh net") {
  const std::string dir = temp_dir();
  const std::string spec = dir + "/spec.json";
  std::FILE* file = std::fopen(spec.c_str(), "w");
  std::fputs(
      R"({"layers":[{"type":"linear","in":2,"out":16},{"type":"tanh"},{"type":"linear","in":16,"out":3}],"loss":"cross_entropy"})",
      file);
  std::fclose(file);
  const std::string weights = dir + "/w.safetensors";
  const auto trained =
      run_process(cli("train --model " + spec + " --data " + k_data +
                      " --optimizer sgd --set lr=0.5 --set momentum=0.9 --epochs 60 --batch-size 32"
                      " --seed 1 --out " +
                      weights + " --checkpoints " + dir + "/ck"));
  REQUIRE(trained.exit_code == 0);
  CHECK(trained.err.find("train: done") != std::string::npos);
  const auto tensors = lv::read_safetensors(weights);
  REQUIRE(tensors.size() == 4);
  std::vector<std::string> names;
  for (const auto& tensor : tensors) names.push_back(tensor.name);
  CHECK(std::find(names.begin(), names.end(), "0.weight") != names.end());
  CHECK(std::find(names.begin(), names.end(), "2.bias") != names.end());
  CHECK(std::distance(std::filesystem::directory_iterator(dir + "/ck"), {}) ==
        61);  // step 0 + one per epoch

  const std::string surface = dir + "/s.h5";
  const auto landscape = run_process(
      cli("landscape --model " + spec + " --weights " + weights + " --data " + k_data +
          " --seed 3 --norm filter --xrange -1:1 --yrange -1:1 --resolution 11 --out " + surface));
  REQUIRE(landscape.exit_code == 0);
  std::vector<hsize_t> shape;
  const auto loss = read_h5(surface, "train_loss", &shape);
  CHECK(shape == std::vector<hsize_t>{11, 11});
  CHECK(read_h5(surface, "xcoordinates").front() == -1.0);
  const auto accuracy = read_h5(surface, "train_acc");
  // The centre (0, 0) is the trained network itself: a low loss and high accuracy on spirals.
  CHECK(loss[5 * 11 + 5] < 0.3);
  CHECK(accuracy[5 * 11 + 5] > 0.9);
  CHECK(*std::max_element(loss.begin(), loss.end()) > loss[5 * 11 + 5]);

  const std::string line = dir + "/line.csv";
  const auto one_d = run_process(cli("landscape --model " + spec + " --weights " + weights +
                                     " --data " + k_data + " --1d --interpolate-to " + dir +
                                     "/ck/step_00000000.safetensors --resolution 5 --out " + line));
  REQUIRE(one_d.exit_code == 0);
  // Mode connectivity: the curve shares its end points with the line over t ∈ [0, 1].
  const std::string curve = dir + "/curve.h5";
  const auto bezier = run_process(cli("landscape --model " + spec + " --weights " + weights +
                                      " --data " + k_data + " --1d --interpolate-to " + dir +
                                      "/ck/step_00000030.safetensors --xrange 0:1"
                                      " --bezier-epochs 5 --resolution 6 --out " +
                                      curve));
  REQUIRE(bezier.exit_code == 0);
  const auto line_loss = read_h5(curve, "train_loss"), curve_loss = read_h5(curve, "bezier_loss");
  REQUIRE(curve_loss.size() == 6);
  CHECK(curve_loss.front() == doctest::Approx(line_loss.front()));
  CHECK(curve_loss.back() == doctest::Approx(line_loss.back()));
  const std::string pca = dir + "/pca.h5";
  const auto pca_run =
      run_process(cli("landscape --model " + spec + " --weights " + weights + " --data " + k_data +
                      " --pca " + dir + "/ck --resolution 9 --out " + pca));
  REQUIRE(pca_run.exit_code == 0);
  CHECK(read_h5(pca, "trajectory_x").size() == 61);

  const auto spectrum =
      run_process(cli("spectrum --model " + spec + " --weights " + weights + " --data " + k_data +
                      " --top-k 3 --trace --density --json"));
  REQUIRE(spectrum.exit_code == 0);
  const auto document = nlohmann::json::parse(spectrum.out);
  REQUIRE(document["top_eigenvalues"].size() == 3);
  CHECK(document["top_eigenvalues"][0] >= document["top_eigenvalues"][1]);
  CHECK(document["top_eigenvalues"][0].get<double>() > 0.0);
  CHECK(document["trace"].is_number());
  CHECK(document["density"]["x"].size() == document["density"]["y"].size());

  // Along the top Hessian eigenvectors the surface curves by the eigenvalues `spectrum` reported:
  // (L(−h, 0) − 2L(0, 0) + L(h, 0)) / h² ≈ λ₁ on a 3 × 3 grid of spacing h.
  const std::string sharp = dir + "/hessian.h5";
  const auto hessian_run = run_process(
      cli("landscape --model " + spec + " --weights " + weights + " --data " + k_data +
          " --hessian-directions --xrange -1e-3:1e-3 --yrange -1e-3:1e-3 --resolution 3 --out " +
          sharp));
  REQUIRE(hessian_run.exit_code == 0);
  const auto eigenvalues = read_h5(sharp, "hessian_eigenvalues");
  REQUIRE(eigenvalues.size() == 2);
  CHECK(eigenvalues[0] == doctest::Approx(document["top_eigenvalues"][0].get<double>()));
  CHECK(eigenvalues[1] == doctest::Approx(document["top_eigenvalues"][1].get<double>()));
  const auto sharp_loss = read_h5(sharp, "train_loss");  // [x][y], row-major
  const double h = 1e-3;
  CHECK((sharp_loss[0 * 3 + 1] - 2 * sharp_loss[1 * 3 + 1] + sharp_loss[2 * 3 + 1]) / (h * h) ==
        doctest::Approx(eigenvalues[0]).epsilon(1e-3));
  CHECK((sharp_loss[1 * 3 + 0] - 2 * sharp_loss[1 * 3 + 1] + sharp_loss[1 * 3 + 2]) / (h * h) ==
        doctest::Approx(eigenvalues[1]).epsilon(1e-3));
  const auto mixed =
      run_process(cli("landscape --model " + spec + " --weights " + weights + " --data " + k_data +
                      " --hessian-directions --seed 3 --resolution 3 --out " + sharp));
  CHECK(mixed.exit_code == 2);
  CHECK(mixed.err.find("--seed cannot be combined with --hessian-directions") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("bad network input exits 2 with one line naming the flag or file") {
  const auto missing =
      run_process(cli("train --model /nonexistent.json --data spirals --optimizer sgd --epochs 1 "
                      "--out /tmp/x.safetensors"));
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("/nonexistent.json") != std::string::npos);
  CHECK(std::count(missing.err.begin(), missing.err.end(), '\n') == 1);
  const auto bad_range =
      run_process(cli("landscape --model m.json --weights w --data spirals --xrange 1:-1 "
                      "--resolution 3 --out s.h5"));
  CHECK(bad_range.exit_code == 2);
  const auto list = run_process(cli("list datasets"));
  CHECK(list.exit_code == 0);
  CHECK(list.out.find("sine-regression") != std::string::npos);
}
