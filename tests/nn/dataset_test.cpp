// Data generators checked against their defining geometry with the noise switched off (the
// sklearn make_moons/make_circles constructions, y = sin x, an exact linear model), seeding,
// option errors, CSV parsing with errors naming file and line, and the train/validation split.
#include <doctest/doctest.h>

#include <Eigen/Dense>
#include <cmath>
#include <set>

#include "common/errors.hpp"
#include "nn/dataset.hpp"
#include "text_checks.hpp"

using namespace lv;

using lv::test::contains;

namespace {

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE(
    "every generator gives n samples, balanced classes, and the same data for the same seed") {
  for (const GeneratorInfo& info : dataset_generators()) {
    CAPTURE(info.name);
    const Dataset a = load_dataset(info.name + ":n=90,seed=4");
    const Dataset b = load_dataset(info.name + ":n=90,seed=4");
    const Dataset c = load_dataset(info.name + ":n=90,seed=5");
    CHECK(a.size() == 90);
    CHECK(a.inputs == b.inputs);
    CHECK(a.targets == b.targets);
    CHECK(a.inputs != c.inputs);
    CHECK(a.is_classification() == info.classification);
    if (!info.classification || info.name == "xor") continue;
    std::vector<int> counts(static_cast<size_t>(a.classes), 0);
    for (int s = 0; s < a.size(); ++s) ++counts[static_cast<size_t>(a.targets(0, s))];
    for (int count : counts) CHECK(count == 90 / a.classes);
  }
}

TEST_CASE("noise-free moons and circles lie on their defining circles (sklearn constructions)") {
  const Dataset moons = load_dataset("moons:n=50,noise=0");
  for (int s = 0; s < moons.size(); ++s) {
    const double x = moons.inputs(0, s), y = moons.inputs(1, s);
    // outer moon: unit circle, upper half; inner moon: unit circle around (1, 0.5), lower half
    const double radius =
        moons.targets(0, s) == 0 ? std::hypot(x, y) : std::hypot(x - 1.0, y - 0.5);
    CHECK(radius == doctest::Approx(1.0));
  }
  const Dataset circles = load_dataset("circles:n=40,noise=0,factor=0.3");
  for (int s = 0; s < circles.size(); ++s) {
    const double radius = std::hypot(circles.inputs(0, s), circles.inputs(1, s));
    CHECK(radius == doctest::Approx(circles.targets(0, s) == 0 ? 1.0 : 0.3));
  }
}

TEST_CASE("noise-free regression sets follow their formulas") {
  const Dataset sine = load_dataset("sine-regression:n=30,noise=0,seed=2");
  for (int s = 0; s < sine.size(); ++s)
    CHECK(sine.targets(0, s) == doctest::Approx(std::sin(sine.inputs(0, s))));
  // An exact linear model: least squares on [x, 1] fits with zero residual.
  const Dataset linear = load_dataset("linear-regression:n=40,noise=0,features=3,seed=1");
  Mat design(40, 4);
  design << linear.inputs.transpose(), Vec::Ones(40);
  const Vec fit = design.colPivHouseholderQr().solve(linear.targets.transpose());
  CHECK((design * fit - linear.targets.transpose()).norm() < 1e-10);
  const Dataset xor_data = load_dataset("xor:n=100,noise=0");
  for (int s = 0; s < xor_data.size(); ++s) {
    CHECK(xor_data.targets(0, s) ==
          ((xor_data.inputs(0, s) > 0) != (xor_data.inputs(1, s) > 0) ? 1 : 0));
  }
  const Dataset spirals = load_dataset("spirals:n=30,noise=0,classes=3");
  // each arm starts at the origin and ends at radius 1
  CHECK(spirals.inputs.col(0).norm() == doctest::Approx(0.0));
  CHECK(spirals.inputs.col(9).norm() == doctest::Approx(1.0));
}

TEST_CASE("bad data arguments name the option or suggest the generator") {
  CHECK(contains(error_of([] { load_dataset("spirals:n=0"); }), "data 'spirals:n=0'"));
  CHECK(contains(error_of([] { load_dataset("spirals:bogus=1"); }), "bogus"));
  CHECK(contains(error_of([] { load_dataset("spirals:n"); }), "expected k=v"));
  CHECK(contains(error_of([] { load_dataset("spiral"); }), "did you mean 'spirals'"));
}

TEST_CASE("CSV: header, features first, target last; errors name file and line") {
  const Dataset data = parse_csv_dataset("a,b,label\n1,2,0\n3.5,-4,2\n\n", "d.csv");
  CHECK(data.size() == 2);
  CHECK(data.features() == 2);
  CHECK(data.inputs(0, 1) == 3.5);
  CHECK(data.targets(0, 1) == 2);
  CHECK(data.classes == 3);
  CHECK(parse_csv_dataset("x,y\n0.5,1.25\n", "r.csv").classes == 0);
  CHECK(error_of([] { parse_csv_dataset("a,b\n1,2\n3\n", "d.csv"); }) ==
        "d.csv:3: expected 2 fields, got 1");
  CHECK(error_of([] { parse_csv_dataset("a,b\n1,x\n", "d.csv"); }) ==
        "d.csv:2: field 2 'x' is not a finite number");
  CHECK(contains(error_of([] { parse_csv_dataset("", "d.csv"); }), "d.csv: empty file"));
  CHECK(contains(error_of([] { parse_csv_dataset("a,b\n", "d.csv"); }), "no data rows"));
  CHECK(contains(error_of([] { load_dataset("/nonexistent/file.csv"); }),
                 "neither a file nor a built-in generator"));
}

TEST_CASE("the train/validation split partitions the samples") {
  const Dataset data = load_dataset("blobs:n=100");
  const DatasetSplit split = split_dataset(data, 0.2, 3);
  CHECK(split.train.size() == 80);
  CHECK(split.validation.size() == 20);
  std::set<std::pair<double, double>> seen;
  for (const Dataset* part : {&split.train, &split.validation}) {
    for (int s = 0; s < part->size(); ++s) seen.insert({part->inputs(0, s), part->inputs(1, s)});
  }
  CHECK(seen.size() == 100);
  CHECK_THROWS_AS(split_dataset(data, 1.0, 0), InputError);
}
