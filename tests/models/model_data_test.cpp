// Model data: the generators (size, determinism, their stated distribution) and the CSV rules
// (header names in any order, errors naming the file, line and column).
#include <doctest/doctest.h>

#include <cmath>

#include "common/errors.hpp"
#include "models/model_data.hpp"

using namespace lv;

namespace {

const ModelColumns k_xy{{"x"}, "y", false};
const ModelColumns k_labels{{"x1", "x2"}, "label", true};

std::string error_of(const std::string& text, const ModelColumns& columns) {
  try {
    parse_model_csv(text, "data.csv", columns);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("generators: size, seed determinism, the linear generator's slope") {
  const ModelData a = load_model_data("linear:n=500,noise=0.1,seed=3,w=-1.5,b=0.25", k_xy);
  const ModelData b = load_model_data("linear:n=500,noise=0.1,seed=3,w=-1.5,b=0.25", k_xy);
  REQUIRE(a.size() == 500);
  CHECK(a.inputs == b.inputs);
  CHECK(a.targets == b.targets);
  // Least-squares slope cov(x, y)/var(x) ≈ w for small noise.
  const Vec dx = a.inputs.col(0).array() - a.inputs.col(0).mean();
  const Vec dy = a.targets.array() - a.targets.mean();
  CHECK(dx.dot(dy) / dx.squaredNorm() == doctest::Approx(-1.5).epsilon(0.02));
  const ModelData blobs = load_model_data("blobs:n=40", k_labels);
  CHECK(blobs.size() == 40);
  CHECK(blobs.targets.sum() == 20.0);
  const ModelData curve = load_model_data("tanh:noise=0", k_xy);
  CHECK(curve.targets[3] == doctest::Approx(std::tanh(1.5 * curve.inputs(3, 0) + 0.5)));
}

TEST_CASE("generators: a generator of the wrong shape or an unknown name is an input error") {
  CHECK_THROWS_WITH_AS(load_model_data("blobs", k_xy),
                       doctest::Contains("makes x1,x2,label samples, the model needs x,y"),
                       InputError);
  CHECK_THROWS_WITH_AS(load_model_data("lineer:n=5", k_xy), doctest::Contains("linear"),
                       InputError);
  CHECK_THROWS_WITH_AS(load_model_data("linear:n=0", k_xy), doctest::Contains("n"), InputError);
}

TEST_CASE("CSV: header names in any order, blank and # lines skipped") {
  const ModelData data = parse_model_csv("# made by hand\ny, x\n1,2\n\n3,4\n", "data.csv", k_xy);
  REQUIRE(data.size() == 2);
  CHECK(data.inputs(0, 0) == 2.0);
  CHECK(data.targets[1] == 3.0);
  const ModelData labels = parse_model_csv("label,x1,x2\n1,0.5,-1\n0,2,3\n", "d.csv", k_labels);
  CHECK(labels.inputs(0, 1) == -1.0);
  CHECK(labels.targets[0] == 1.0);
}

TEST_CASE("CSV: errors name the file, the line and the column") {
  CHECK(error_of("", k_xy) == "data.csv: empty file (expected the header x,y)");
  CHECK(error_of("x,z\n1,2\n", k_xy) ==
        "data.csv:1: no column 'y'; expected the header x,y (any order)");
  CHECK(error_of("x,y,z\n", k_xy).starts_with("data.csv:1: expected the header x,y"));
  CHECK(error_of("x,y\n1,2\n3,abc\n", k_xy) ==
        "data.csv:3: column 2 (y): 'abc' is not a finite number");
  CHECK(error_of("x,y\n1,2\n3\n", k_xy) == "data.csv:3: expected 2 fields, got 1");
  CHECK(error_of("x,y\n", k_xy) == "data.csv: no data rows after the header");
  CHECK(error_of("x1,x2,label\n1,2,0.5\n", k_labels) ==
        "data.csv:2: column 3 (label): label '0.5' is not 0 or 1");
  CHECK(error_of("x,y\n1,nan\n", k_xy) == "data.csv:2: column 2 (y): 'nan' is not a finite number");
}
