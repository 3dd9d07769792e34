// The Network panel's worker (GL-free): training publishes its history and decision regions, the
// landscape is the model's true loss on the grid (random, PCA, file or Hessian directions), PCA
// paths end at the final weights, the interpolation line holds forward-pass losses, tasks cancel,
// and surfaces and weights round-trip through their files.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <thread>

#include "common/errors.hpp"
#include "gui_process.hpp"
#include "io/surface_file.hpp"
#include "io/surface_h5_reader.hpp"
#include "network_session.hpp"
#include "nn/network_weights.hpp"

namespace {

lv::app::NetworkConfig small_spirals(int epochs) {
  lv::app::NetworkConfig config;
  config.data = "spirals:n=150,noise=0.1,seed=2";
  config.hidden = {8};
  config.epochs = epochs;
  config.learning_rate = 0.02;
  return config;
}

std::string temporary(const std::string& name) {
  return lv::test::temporary("network-" + name);
}

}  // namespace

TEST_CASE("hidden widths parse from text and bad entries are named") {
  CHECK(lv::app::parse_hidden_widths("16, 8,4") == std::vector<int>{16, 8, 4});
  CHECK(lv::app::parse_hidden_widths("").empty());
  CHECK_THROWS_WITH_AS(lv::app::parse_hidden_widths("16,x"), doctest::Contains("'x'"),
                       lv::InputError);
  CHECK_THROWS_AS(lv::app::parse_hidden_widths("0"), lv::InputError);
}

TEST_CASE("training publishes one record per epoch and decision regions of the model") {
  lv::app::NetworkSession session;
  session.start_training(small_spirals(30));
  session.wait();
  const lv::app::NetworkSnapshot snapshot = session.snapshot();
  REQUIRE(snapshot.history.size() == 30);
  CHECK(snapshot.task.empty());
  CHECK(snapshot.message.find("completed") != std::string::npos);
  // 3 classes: an untrained net predicts about uniformly, cross-entropy ln 3 ≈ 1.0986; Adam
  // makes clear progress within 30 epochs.
  CHECK(snapshot.history.back().train_loss < 0.9 * std::log(3.0));
  // The record's loss is the model's full-data loss at the published weights.
  const lv::Evaluation evaluation = session.model()->evaluate(
      session.parameters(), session.data().inputs, session.data().targets);
  CHECK(snapshot.history.back().train_loss == doctest::Approx(evaluation.loss).epsilon(1e-12));
  REQUIRE(snapshot.regions.size == 48);
  REQUIRE(snapshot.regions.values.size() == 48u * 48u);
  for (const double label : snapshot.regions.values)
    CHECK((label == 0 || label == 1 || label == 2));
  CHECK(snapshot.parameters_version >= 31);  // the initial weights and one per epoch
}

// The view asks for its pixel size: the regions come back at that size, and each class boundary
// crosses a pixel row within two pixels that mix the neighbouring classes' colors (anti-aliased,
// not blocks).
TEST_CASE("decision regions follow the asked pixel size, with one-pixel smooth boundaries") {
  lv::app::NetworkSession session;
  session.start_training(small_spirals(30));
  session.set_region_size(300);
  session.wait();
  const lv::app::DecisionRegions regions = session.snapshot().regions;
  REQUIRE(regions.size == 300);
  REQUIRE(regions.rgba.size() == 300u * 300u * 4u);
  session.set_region_size(100000);  // clamped to the largest size
  session.wait();
  CHECK(session.snapshot().regions.size == lv::app::k_max_region_size);
  // The class whose pure region color a pixel has, or -1 for a boundary pixel mixing two.
  const auto class_at = [&](int column, int row) {
    column = std::clamp(column, 0, regions.size - 1);
    row = std::clamp(row, 0, regions.size - 1);
    const uint8_t* pixel = &regions.rgba[4 * (static_cast<size_t>(row) * regions.size + column)];
    for (int label = 0; label < 3; ++label) {
      const auto color = lv::app::class_color(label, true);
      if (std::equal(color.begin(), color.end(), pixel)) return label;
    }
    return -1;
  };
  // A boundary pixel has pure pixels of two different classes at most two pixels away on both
  // sides, along its row or along its column.
  const auto crossed_within_two = [&](int column, int row, int step_x, int step_y) {
    for (int before = 1; before <= 2; ++before) {
      const int low = class_at(column - before * step_x, row - before * step_y);
      if (low < 0) continue;
      for (int after = 1; after <= 2; ++after) {
        const int high = class_at(column + after * step_x, row + after * step_y);
        if (high >= 0) return high != low;
      }
      return false;
    }
    return false;
  };
  long boundary_pixels = 0, wide = 0;
  for (int row = 1; row + 1 < regions.size; ++row) {
    for (int column = 1; column + 1 < regions.size; ++column) {
      if (class_at(column, row) >= 0) continue;
      ++boundary_pixels;
      if (!crossed_within_two(column, row, 1, 0) && !crossed_within_two(column, row, 0, 1)) ++wide;
    }
  }
  CHECK(boundary_pixels > 300);  // the spirals' boundaries, one or two pixels wide
  CHECK(boundary_pixels < 300 * 20);
  CHECK(wide < boundary_pixels / 20);  // only where three classes meet
}

TEST_CASE("a random-plane landscape holds the model's loss, exactly at the origin") {
  lv::app::NetworkSession session;
  CHECK_THROWS_AS(session.start_landscape({}), lv::InputError);  // no model yet
  session.start_training(small_spirals(5));
  session.wait();
  lv::app::LandscapeConfig config;
  config.resolution = 9;  // coordinates -1, -0.75, ..., 1: index 4 is the origin
  session.start_landscape(config);
  session.wait();
  const lv::app::NetworkSnapshot snapshot = session.snapshot();
  REQUIRE(snapshot.surface.complete());
  CHECK(snapshot.message == "landscape complete");
  const double at_weights =
      session.model()->loss(session.parameters(), session.data().inputs, session.data().targets);
  CHECK(snapshot.surface.loss(4, 4) == doctest::Approx(at_weights).epsilon(1e-9));

  const std::string path = temporary("surface.h5");
  session.save_surface(path);
  const lv::SampledGrid grid = lv::read_surface_h5(path);
  std::remove(path.c_str());
  CHECK(grid.nx == 9);
  CHECK(grid.x_min == doctest::Approx(-1.0));
  CHECK(grid.at(4, 4) == doctest::Approx(at_weights).epsilon(1e-12));
  CHECK(grid.at(1, 7) == doctest::Approx(snapshot.surface.loss(1, 7)).epsilon(1e-12));
}

TEST_CASE("the Hessian plane curves by its eigenvalues around the weights") {
  lv::app::NetworkSession session;
  session.start_training(small_spirals(8));
  session.wait();
  lv::app::LandscapeConfig config;
  config.plane = lv::app::LandscapePlane::Hessian;
  config.resolution = 3;  // coordinates -h, 0, h
  config.range = 1e-3;
  session.start_landscape(config);
  session.wait();
  const lv::app::NetworkSnapshot snapshot = session.snapshot();
  REQUIRE(snapshot.surface.complete());
  REQUIRE(snapshot.hessian_eigenvalues.size() == 2);
  CHECK(snapshot.hessian_eigenvalues[0] >= snapshot.hessian_eigenvalues[1]);
  // Unit eigenvectors: the second difference of the loss along each axis is vᵀHv = λ.
  const lv::Mat& loss = snapshot.surface.loss;
  const double h2 = 1e-6;
  CHECK((loss(0, 1) - 2 * loss(1, 1) + loss(2, 1)) / h2 ==
        doctest::Approx(snapshot.hessian_eigenvalues[0]).epsilon(1e-3));
  CHECK((loss(1, 0) - 2 * loss(1, 1) + loss(1, 2)) / h2 ==
        doctest::Approx(snapshot.hessian_eigenvalues[1]).epsilon(1e-3));
}

TEST_CASE("the PCA landscape carries the training path, which ends at the final weights") {
  lv::app::NetworkSession session;
  session.start_training(small_spirals(2));
  session.wait();
  lv::app::LandscapeConfig config;
  config.plane = lv::app::LandscapePlane::Pca;
  session.start_training(small_spirals(12));
  session.wait();
  config.resolution = 11;
  session.start_landscape(config);
  session.wait();
  const lv::app::NetworkSnapshot snapshot = session.snapshot();
  REQUIRE(snapshot.path_x.size() == 13);  // the initial weights and one checkpoint per epoch
  CHECK(snapshot.path_x.back() == doctest::Approx(0.0).scale(1.0));
  CHECK(snapshot.path_y.back() == doctest::Approx(0.0).scale(1.0));
  // The path lies inside the plotted square.
  for (size_t k = 0; k < snapshot.path_x.size(); ++k) {
    CHECK(snapshot.path_x[k] >= snapshot.surface.x.front());
    CHECK(snapshot.path_x[k] <= snapshot.surface.x.back());
    CHECK(snapshot.path_y[k] >= snapshot.surface.y.front());
    CHECK(snapshot.path_y[k] <= snapshot.surface.y.back());
  }
  // Saved and opened again, the surface brings its path along.
  const std::string path = temporary("pca.h5");
  session.save_surface(path);
  lv::app::NetworkSession viewer;
  viewer.open_surface(path);
  std::remove(path.c_str());
  const lv::app::NetworkSnapshot opened = viewer.snapshot();
  CHECK(opened.path_x == snapshot.path_x);
  CHECK(opened.path_y == snapshot.path_y);
  CHECK(opened.path_loss == snapshot.path_loss);
  CHECK(opened.surface.loss(3, 8) == snapshot.surface.loss(3, 8));
}

TEST_CASE("a cancelled landscape stops early and says so") {
  lv::app::NetworkSession session;
  session.start_training(small_spirals(1));
  session.wait();
  lv::app::LandscapeConfig config;
  config.resolution = 401;  // 160,801 points: far longer than the cancel takes to arrive
  session.start_landscape(config);
  session.cancel();
  session.wait();
  const lv::app::NetworkSnapshot snapshot = session.snapshot();
  CHECK(snapshot.message == "landscape cancelled");
  CHECK_FALSE(snapshot.surface.complete());
  CHECK_THROWS_AS(session.save_surface(temporary("none.h5")), lv::InputError);
}

TEST_CASE("loaded weights replace the trained ones") {
  lv::app::NetworkSession session;
  CHECK_THROWS_AS(session.load_weights("missing.safetensors"), lv::InputError);  // no model
  session.start_training(small_spirals(1));
  session.wait();
  lv::Vec weights = lv::Vec::Constant(session.model()->parameter_count(), 0.125);
  const std::string path = temporary("weights.safetensors");
  lv::save_parameters(*session.model(), weights, path);
  session.load_weights(path);
  std::remove(path.c_str());
  // Saved as F32: 0.125 is exact in float.
  CHECK((session.parameters().array() == 0.125).all());
  CHECK_THROWS_AS(session.load_weights(temporary("absent.safetensors")), lv::InputError);
}

TEST_CASE("the interpolation line holds the true loss at θ_A, θ_B and their midpoint") {
  lv::app::NetworkSession session;
  CHECK_THROWS_AS(session.start_interpolation({}), lv::InputError);  // no model yet
  lv::app::NetworkConfig network = small_spirals(8);
  network.validation_fraction = 0.25;
  session.start_training(network);
  session.wait();
  REQUIRE(session.validation().size() == 38);  // round(0.25 · 150)
  lv::app::InterpolationConfig config;         // from the initial to the trained weights
  config.resolution = 9;  // α = -0.5, -0.25, 0, ..., 1.5: 0 at 2, 0.5 at 4, 1 at 6
  session.start_interpolation(config);
  session.wait();
  const lv::app::NetworkSnapshot snapshot = session.snapshot();
  CHECK(snapshot.message == "interpolation complete");
  const lv::app::InterpolationCurve& curve = snapshot.interpolation;
  REQUIRE(curve.alpha.size() == 9);
  REQUIRE(curve.validation_loss.size() == 9);
  CHECK(curve.alpha[2] == doctest::Approx(0.0).scale(1.0));
  CHECK(curve.bezier_loss.empty());
  // The references are direct forward passes at the ends and at (θ_A + θ_B)/2: θ_A is the
  // initialization from the training seed (torch.nn.Linear's default init in Mlp).
  const lv::Mlp& mlp = *session.model();
  std::mt19937_64 generator(network.seed);
  const lv::Vec initial = mlp.initial_parameters(generator);
  const lv::Vec trained = session.parameters();
  const lv::Dataset& train = session.data();
  const lv::Dataset& validation = session.validation();
  const auto check_point = [&](size_t index, const lv::Vec& point) {
    const lv::Evaluation on_train = mlp.evaluate(point, train.inputs, train.targets);
    const lv::Evaluation on_validation = mlp.evaluate(point, validation.inputs, validation.targets);
    CHECK(curve.train_loss[index] == doctest::Approx(on_train.loss).epsilon(1e-9));
    CHECK(curve.train_accuracy[index] == doctest::Approx(on_train.accuracy).epsilon(1e-12));
    CHECK(curve.validation_loss[index] == doctest::Approx(on_validation.loss).epsilon(1e-9));
    CHECK(curve.validation_accuracy[index] ==
          doctest::Approx(on_validation.accuracy).epsilon(1e-12));
  };
  check_point(2, initial);
  check_point(4, 0.5 * (initial + trained));
  check_point(6, trained);
  check_point(0, 1.5 * initial - 0.5 * trained);  // α = -0.5 extrapolates past θ_A
  // Training lowered the loss from θ_A to θ_B.
  CHECK(curve.train_loss[6] < curve.train_loss[2]);
}

TEST_CASE("the Bezier curve joins the same ends as the line") {
  lv::app::NetworkSession session;
  session.start_training(small_spirals(6));
  session.wait();
  lv::app::InterpolationConfig config;
  config.resolution = 5;
  config.alpha_min = 0.0;
  config.alpha_max = 1.0;
  config.bezier = true;
  config.bezier_epochs = 3;
  session.start_interpolation(config);
  session.wait();
  const lv::app::InterpolationCurve curve = session.snapshot().interpolation;
  REQUIRE(curve.bezier_loss.size() == 5);
  CHECK(curve.bezier_t.front() == 0.0);
  CHECK(curve.bezier_t.back() == 1.0);
  // φ(0) = w₁ and φ(1) = w₂ whatever the bend (Garipov et al. 2018, Eq. 3).
  CHECK(curve.bezier_loss.front() == doctest::Approx(curve.train_loss.front()).epsilon(1e-9));
  CHECK(curve.bezier_loss.back() == doctest::Approx(curve.train_loss.back()).epsilon(1e-9));
  CHECK(curve.validation_loss.empty());
}

TEST_CASE("interpolation ends from files are checked against the model") {
  lv::app::NetworkSession session;
  session.start_training(small_spirals(1));
  session.wait();
  lv::app::InterpolationConfig config;
  config.from = lv::app::WeightsSource::File;
  config.from_path = temporary("absent.safetensors");
  CHECK_THROWS_WITH_AS(session.start_interpolation(config), doctest::Contains("absent.safetensors"),
                       lv::InputError);
  // Weights of a wider model: the error names the file and the mis-shaped tensor.
  lv::app::NetworkConfig wider = small_spirals(1);
  wider.hidden = {5};
  const lv::Dataset data = lv::load_dataset(wider.data);
  const lv::Mlp other(lv::app::network_model_spec(data, wider));
  config.from_path = temporary("wider.safetensors");
  lv::save_parameters(other, lv::Vec::Zero(other.parameter_count()), config.from_path);
  CHECK_THROWS_WITH_AS(session.start_interpolation(config), doctest::Contains("wider.safetensors"),
                       lv::InputError);
  std::remove(config.from_path.c_str());
  config.from = lv::app::WeightsSource::Current;
  config.alpha_min = 2.0;
  CHECK_THROWS_AS(session.start_interpolation(config), lv::InputError);  // empty range
}

TEST_CASE("a landscape along direction files holds the loss at w + x·dx + y·dy") {
  lv::app::NetworkSession session;
  session.start_training(small_spirals(3));
  session.wait();
  const lv::Mlp& mlp = *session.model();
  // Directions with F32-exact entries, so the saved files hold exactly these vectors.
  lv::Vec dx(mlp.parameter_count()), dy(mlp.parameter_count());
  for (Eigen::Index k = 0; k < dx.size(); ++k) {
    dx[k] = static_cast<double>(k % 7 - 3) / 8.0;
    dy[k] = static_cast<double>(k % 5 - 2) / 16.0;
  }
  lv::app::LandscapeConfig config;
  config.plane = lv::app::LandscapePlane::Files;
  config.resolution = 5;  // coordinates -0.5, -0.25, 0, 0.25, 0.5
  config.range = 0.5;
  config.direction_x_path = temporary("dx.safetensors");
  config.direction_y_path = temporary("dy.safetensors");
  lv::save_parameters(mlp, dx, config.direction_x_path);
  CHECK_THROWS_WITH_AS(session.start_landscape(config), doctest::Contains("dy.safetensors"),
                       lv::InputError);  // the y file does not exist yet
  lv::save_parameters(mlp, dy, config.direction_y_path);
  session.start_landscape(config);
  session.wait();
  std::remove(config.direction_x_path.c_str());
  std::remove(config.direction_y_path.c_str());
  const lv::app::NetworkSnapshot snapshot = session.snapshot();
  REQUIRE(snapshot.surface.complete());
  const lv::Vec& weights = session.parameters();
  const lv::Dataset& data = session.data();
  CHECK(snapshot.surface.loss(1, 4) ==
        doctest::Approx(mlp.loss(weights - 0.25 * dx + 0.5 * dy, data.inputs, data.targets))
            .epsilon(1e-9));
  CHECK(snapshot.surface.loss(4, 0) ==
        doctest::Approx(mlp.loss(weights + 0.5 * dx - 0.5 * dy, data.inputs, data.targets))
            .epsilon(1e-9));
}

TEST_CASE("a direction file of another model is rejected, naming the file") {
  lv::app::NetworkSession session;
  session.start_training(small_spirals(1));
  session.wait();
  lv::app::NetworkConfig deeper = small_spirals(1);
  deeper.hidden = {8, 8};
  const lv::Mlp other(lv::app::network_model_spec(lv::load_dataset(deeper.data), deeper));
  lv::app::LandscapeConfig config;
  config.plane = lv::app::LandscapePlane::Files;
  config.direction_x_path = temporary("deeper.safetensors");
  config.direction_y_path = config.direction_x_path;
  lv::save_parameters(other, lv::Vec::Zero(other.parameter_count()), config.direction_x_path);
  CHECK_THROWS_WITH_AS(session.start_landscape(config), doctest::Contains("deeper.safetensors"),
                       lv::InputError);
  std::remove(config.direction_x_path.c_str());
  CHECK_FALSE(session.busy());
}

TEST_CASE("an HDF5 surface file opens as the shown surface; bad files are named") {
  // A bowl f(x, y) = (x − 0.5)² + 2(y + 1)² on an uneven grid (x has 5 samples, y 4).
  lv::SurfaceFile file;
  file.x = {-1.0, -0.5, 0.0, 0.5, 1.0};
  file.y = {-2.0, -1.0, 0.0, 1.0};
  file.loss.resize(5, 4);
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 4; ++j)
      file.loss(i, j) = std::pow(file.x[i] - 0.5, 2) + 2 * std::pow(file.y[j] + 1, 2);
  }
  const std::string path = temporary("bowl.h5");
  lv::write_surface_hdf5(path, file);
  lv::app::NetworkSession session;
  session.open_surface(path);
  const lv::app::NetworkSnapshot snapshot = session.snapshot();
  std::remove(path.c_str());
  REQUIRE(snapshot.surface.complete());
  CHECK(snapshot.surface.x == file.x);
  CHECK(snapshot.surface.y == file.y);
  CHECK(snapshot.surface.loss(3, 1) == 0.0);  // the bowl's minimum at (0.5, -1)
  CHECK(snapshot.surface.loss(0, 3) == doctest::Approx(2.25 + 8.0));
  CHECK(snapshot.surface_file == path);
  CHECK(snapshot.surface_version == 1);

  CHECK_THROWS_WITH_AS(session.open_surface(temporary("missing.h5")),
                       doctest::Contains("missing.h5"), lv::InputError);
  const std::string text = temporary("text.h5");
  std::FILE* stream = std::fopen(text.c_str(), "w");
  REQUIRE(stream != nullptr);
  std::fputs("not hdf5\n", stream);
  std::fclose(stream);
  CHECK_THROWS_WITH_AS(session.open_surface(text), doctest::Contains("not an HDF5 file"),
                       lv::InputError);
  std::remove(text.c_str());
  CHECK(session.snapshot().surface_version == 1);  // the bowl stays on show
}

TEST_CASE("the curvature task measures the trained weights: dense check, trace, per layer") {
  lv::app::NetworkSession session;
  session.start_training(small_spirals(5));
  session.wait();
  lv::app::CurvatureConfig config;
  config.top_k = 3;
  config.dense_check = true;
  config.probes = 200;
  session.start_curvature(config);
  session.wait();
  const lv::app::NetworkSnapshot snapshot = session.snapshot();
  const lv::app::CurvatureResult& result = snapshot.curvature;
  REQUIRE(result.valid);
  CHECK(result.set == "train");
  REQUIRE(result.top.values.size() == 3);
  REQUIRE(result.has_dense);
  for (int i = 0; i < 3; ++i)
    CHECK(result.top.values[i] == doctest::Approx(result.dense_top[i]).epsilon(1e-6));
  REQUIRE(result.has_trace);
  CHECK(std::abs(result.trace.trace - result.dense_trace) <= 4 * result.trace.standard_error);
  CHECK(result.layers.size() == 4);  // 0.weight, 0.bias, 2.weight, 2.bias
  // λmax on 4 disjoint subsets of 37 samples: positive, and spread around the whole set's.
  REQUIRE(result.subsample_lambda_max.size() == 4);
  CHECK(result.subsample_size == 150 / 4);
  const auto [low, high] =
      std::minmax_element(result.subsample_lambda_max.begin(), result.subsample_lambda_max.end());
  CHECK(*low > 0.0);
  CHECK(*low < *high);
  CHECK(result.has_density);
  CHECK(result.has_sharpness);
  CHECK(snapshot.message.find("curvature measured") != std::string::npos);
  // The validation set is empty here: refused with a message.
  config.validation_set = true;
  CHECK_THROWS_WITH_AS(session.start_curvature(config), doctest::Contains("no validation set"),
                       lv::InputError);
}

TEST_CASE("sharpness tracking in the panel's training, steered by a live learning rate") {
  lv::app::NetworkSession session;
  lv::app::NetworkConfig config = small_spirals(20);
  config.optimizer = "gd";
  config.batch_size = 0;
  config.learning_rate = 0.1;
  config.sharpness_every = 5;
  session.start_training(config);
  session.wait();
  const std::vector<lv::SharpnessRecord> records = session.snapshot().sharpness;
  REQUIRE(records.size() == 5);  // updates 0, 5, 10, 15, 20
  CHECK(records.back().step == 20);
  CHECK(records.back().two_over_lr == doctest::Approx(20.0));
  CHECK(records.back().lambda_max > 0.0);

  // A long run: change the rate while it trains; later records carry the new limit.
  config.epochs = 1000000;
  config.sharpness_every = 20;
  session.start_training(config);
  const auto wait_for = [&](auto condition) {
    for (int k = 0; k < 20000; ++k) {
      if (condition(session.snapshot().sharpness)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
  };
  using Records = std::vector<lv::SharpnessRecord>;
  REQUIRE(wait_for([](const Records& r) { return r.size() >= 2; }));
  session.set_learning_rate(0.05);
  const bool moved = wait_for(
      [](const Records& r) { return !r.empty() && std::abs(r.back().two_over_lr - 40.0) < 1e-9; });
  session.cancel();
  session.wait();
  CHECK(moved);
  CHECK(session.snapshot().sharpness.front().two_over_lr == doctest::Approx(20.0));
}
