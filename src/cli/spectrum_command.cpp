// lossviz-cli spectrum: Hessian curvature of a trained network on its data — the top-k
// eigenvalues (Lanczos on exact HVPs), Hutchinson's trace estimate and the stochastic Lanczos
// quadrature eigenvalue density, per-layer curvature (top eigenvalue and trace of each weight's
// and bias's diagonal Hessian block), ε-sharpness and SAM sharpness; as text or as the JSON of
// docs/architecture.md §4.4 (extended in docs/curvature.md).
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/commands.hpp"
#include "cli/network_setup.hpp"
#include "cli/progress.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"
#include "curvature/hutchinson_trace.hpp"
#include "curvature/sharpness.hpp"
#include "curvature/spectral_density.hpp"
#include "curvature/top_eigenvalues.hpp"
#include "nn/network_objective.hpp"
#include "nn/network_weights.hpp"

namespace lv::cli {

namespace {

std::vector<double> as_vector(const Vec& values) {
  return {values.data(), values.data() + values.size()};
}

// --sharpness eps=E[,steps=N]
EpsilonSharpnessSettings epsilon_settings(const std::string& text) {
  EpsilonSharpnessSettings settings;
  const auto fail = [&] {
    throw InputError("--sharpness: expected eps=E[,steps=N] with E > 0 and N >= 1, got '" + text +
                     "'");
  };
  for (const std::string& entry : split(text, ',')) {
    const size_t equals = entry.find('=');
    if (equals == std::string::npos) fail();
    const std::string key = entry.substr(0, equals), value = entry.substr(equals + 1);
    if (key == "eps") {
      const double epsilon = parse_double(value).value_or(0.0);
      if (!(epsilon > 0.0) || !std::isfinite(epsilon)) fail();
      settings.epsilon = epsilon;
    } else if (key == "steps") {
      const std::optional<int> steps = parse_whole_number(value, 1, 100000);
      if (!steps) fail();
      settings.steps = steps.value_or(1);
    } else {
      fail();
    }
  }
  return settings;
}

struct Extras {
  std::optional<TraceEstimate> trace;
  std::optional<SpectralDensity> density;
  std::vector<BlockCurvature> layers;
  bool per_layer = false;
  std::optional<EpsilonSharpness> epsilon;
  std::optional<SamSharpness> sam;
};

void print_text(const TopEigenResult& top, const Extras& extras) {
  const TraceEstimate* trace = extras.trace ? &*extras.trace : nullptr;
  const SpectralDensity* density = extras.density ? &*extras.density : nullptr;
  std::printf("top eigenvalues (%s):", eigen_status_name(top.status));
  for (double value : as_vector(top.values)) std::printf(" %.10g", value);
  std::printf("\n");
  if (trace)
    std::printf("trace: %.10g +- %.3g (%d probes)\n", trace->trace, trace->standard_error,
                trace->probes);
  if (extras.per_layer) {
    std::printf("per layer (top eigenvalue, trace):\n");
    for (const BlockCurvature& layer : extras.layers) {
      std::printf("  %-10s %.8g  %.8g", layer.name.c_str(), layer.top_eigenvalue, layer.trace);
      if (layer.trace_standard_error > 0) std::printf(" +- %.3g", layer.trace_standard_error);
      std::printf("\n");
    }
  }
  if (extras.epsilon)
    std::printf("epsilon-sharpness: %.8g (loss %.8g, max in box %.8g)\n", extras.epsilon->sharpness,
                extras.epsilon->loss, extras.epsilon->max_loss);
  if (extras.sam)
    std::printf("SAM sharpness: %.8g (loss %.8g, perturbed %.8g)\n", extras.sam->sharpness,
                extras.sam->loss, extras.sam->perturbed_loss);
  if (!density) return;
  std::printf("density (sigma %.4g):\n", density->sigma);
  for (size_t i = 0; i < density->x.size(); ++i)
    std::printf("  %.8g %.8g\n", density->x[i], density->density[i]);
}

}  // namespace

int spectrum_command(const Args& args) {
  std::vector<FlagSpec> specs;
  for (const char* name : {"model", "weights", "data", "top-k", "probes", "seed", "sharpness",
                           "sam-rho", "trace-method", "tol"})
    specs.push_back({name});
  for (const char* name : {"trace", "density", "json", "per-layer"}) specs.push_back({name, false});
  const Arguments arguments(args, specs);

  const int top_k = arguments.integer("top-k").value_or(5);
  if (top_k < 1) throw InputError("--top-k must be >= 1");
  const int probes = arguments.integer("probes").value_or(100);
  if (probes < 2) throw InputError("--probes must be >= 2");
  const uint64_t seed = static_cast<uint64_t>(arguments.integer("seed").value_or(0));
  std::optional<EpsilonSharpnessSettings> epsilon;
  if (const auto text = arguments.value("sharpness")) epsilon = epsilon_settings(*text);
  const std::optional<double> sam_rho = arguments.number("sam-rho");
  if (sam_rho && !(*sam_rho > 0)) throw InputError("--sam-rho must be > 0");
  // Lanczos stops when every Ritz value is this accurate (relative): ask for what is needed.
  const double tolerance = arguments.number("tol").value_or(1e-8);
  if (!(tolerance > 0.0 && tolerance < 1.0)) throw InputError("--tol must be in (0, 1)");
  const std::string trace_method = arguments.value("trace-method").value_or("hutchinson");
  if (trace_method != "hutchinson" && trace_method != "hutch++")
    throw InputError("--trace-method: expected hutchinson or hutch++, got '" + trace_method + "'");
  const NetworkSetup setup = load_network_setup(arguments);
  const Vec weights = load_weights_flag(arguments, setup.mlp);
  const NetworkObjective objective(setup.mlp, setup.data);

  // Stages, for progress on a terminal: each part asked for counts one.
  const int stages = 1 + arguments.has("trace") + arguments.has("density") +
                     arguments.has("per-layer") + (epsilon ? 1 : 0) + (sam_rho ? 1 : 0);
  int done = 0;
  Progress progress("spectrum");
  const auto stage_done = [&](const std::string& what) {
    progress.update(static_cast<double>(++done) / stages, what);
  };
  TopEigenSettings eigen_settings;
  eigen_settings.tolerance = tolerance;
  const TopEigenResult top = top_hessian_eigenvalues(objective, weights, top_k, eigen_settings);
  stage_done("top " + std::to_string(top_k) + " eigenvalues");
  Extras extras;
  if (arguments.has("trace")) {
    extras.trace = trace_method == "hutch++" ? hutchpp_trace(objective, weights, probes, seed)
                                             : hutchinson_trace(objective, weights, probes, seed);
    stage_done("trace");
  }
  if (arguments.has("density")) {
    DensitySettings settings;
    settings.seed = seed;
    extras.density = spectral_density(objective, weights, settings);
    stage_done("density");
  }
  if (arguments.has("per-layer")) {
    BlockCurvatureSettings settings;
    settings.trace_probes = probes;
    settings.seed = seed;
    extras.per_layer = true;
    extras.layers = block_curvature(objective, weights, parameter_blocks(setup.mlp), settings);
    stage_done("per layer");
  }
  if (epsilon) {
    extras.epsilon = epsilon_sharpness(objective, weights, *epsilon);
    stage_done("epsilon-sharpness");
  }
  if (sam_rho) {
    extras.sam = sam_sharpness(objective, weights, *sam_rho);
    stage_done("SAM sharpness");
  }
  progress.finish(std::to_string(top.hessian_vector_products) + " HVPs for the eigenvalues");
  if (top.status != EigenStatus::Converged) {
    std::fprintf(stderr, "spectrum: Lanczos %s; eigenvalues may be inaccurate\n",
                 eigen_status_name(top.status));
  }
  if (!arguments.has("json")) {
    print_text(top, extras);
    return 0;
  }
  nlohmann::json document = {{"top_eigenvalues", as_vector(top.values)},
                             {"eigenvalue_residuals", as_vector(top.residuals)},
                             {"status", eigen_status_name(top.status)},
                             {"hessian_vector_products", top.hessian_vector_products}};
  if (extras.trace) {
    document["trace"] = extras.trace->trace;
    document["trace_standard_error"] = extras.trace->standard_error;
    document["trace_method"] = trace_method;
  }
  if (extras.density)
    document["density"] = {{"x", extras.density->x}, {"y", extras.density->density}};
  if (extras.per_layer) {
    document["layers"] = nlohmann::json::array();
    for (const BlockCurvature& layer : extras.layers) {
      document["layers"].push_back({{"name", layer.name},
                                    {"top_eigenvalue", layer.top_eigenvalue},
                                    {"top_eigenvalue_residual", layer.top_residual},
                                    {"trace", layer.trace},
                                    {"trace_standard_error", layer.trace_standard_error}});
    }
  }
  if (extras.epsilon) document["epsilon_sharpness"] = extras.epsilon->sharpness;
  if (extras.sam) document["sam_sharpness"] = extras.sam->sharpness;
  std::printf("%s\n", document.dump().c_str());
  return 0;
}

}  // namespace lv::cli
