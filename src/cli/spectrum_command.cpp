// lossviz-cli spectrum: Hessian curvature of a trained network on its data — the top-k
// eigenvalues (Lanczos on exact HVPs), Hutchinson's trace estimate and the stochastic Lanczos
// quadrature eigenvalue density; as text or as the JSON of docs/architecture.md §4.4.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/network_setup.hpp"
#include "common/errors.hpp"
#include "curvature/hutchinson_trace.hpp"
#include "curvature/spectral_density.hpp"
#include "curvature/top_eigenvalues.hpp"
#include "nn/network_objective.hpp"

namespace lv::cli {

namespace {

std::vector<double> as_vector(const Vec& values) {
  return {values.data(), values.data() + values.size()};
}

void print_text(const TopEigenResult& top, const TraceEstimate* trace,
                const SpectralDensity* density) {
  std::printf("top eigenvalues (%s):", eigen_status_name(top.status));
  for (double value : as_vector(top.values)) std::printf(" %.10g", value);
  std::printf("\n");
  if (trace)
    std::printf("trace: %.10g +- %.3g (%d probes)\n", trace->trace, trace->standard_error,
                trace->probes);
  if (!density) return;
  std::printf("density (sigma %.4g):\n", density->sigma);
  for (size_t i = 0; i < density->x.size(); ++i)
    std::printf("  %.8g %.8g\n", density->x[i], density->density[i]);
}

}  // namespace

int spectrum_command(const Args& args) {
  std::vector<FlagSpec> specs;
  for (const char* name : {"model", "weights", "data", "top-k", "probes", "seed"})
    specs.push_back({name});
  for (const char* name : {"trace", "density", "json"}) specs.push_back({name, false});
  const Arguments arguments(args, specs);

  const int top_k = arguments.integer("top-k").value_or(5);
  if (top_k < 1) throw InputError("--top-k must be >= 1");
  const int probes = arguments.integer("probes").value_or(100);
  if (probes < 2) throw InputError("--probes must be >= 2");
  const uint64_t seed = static_cast<uint64_t>(arguments.integer("seed").value_or(0));
  const NetworkSetup setup = load_network_setup(arguments);
  const Vec weights = load_weights_flag(arguments, setup.mlp);
  const NetworkObjective objective(setup.mlp, setup.data);

  const TopEigenResult top = top_hessian_eigenvalues(objective, weights, top_k);
  std::optional<TraceEstimate> trace;
  if (arguments.has("trace")) trace = hutchinson_trace(objective, weights, probes, seed);
  std::optional<SpectralDensity> density;
  if (arguments.has("density")) {
    DensitySettings settings;
    settings.seed = seed;
    density = spectral_density(objective, weights, settings);
  }
  if (top.status != EigenStatus::Converged) {
    std::fprintf(stderr, "spectrum: Lanczos %s; eigenvalues may be inaccurate\n",
                 eigen_status_name(top.status));
  }
  if (!arguments.has("json")) {
    print_text(top, trace ? &*trace : nullptr, density ? &*density : nullptr);
    return 0;
  }
  nlohmann::json document = {{"top_eigenvalues", as_vector(top.values)},
                             {"eigenvalue_residuals", as_vector(top.residuals)},
                             {"status", eigen_status_name(top.status)}};
  if (trace) {
    document["trace"] = trace->trace;
    document["trace_standard_error"] = trace->standard_error;
  }
  if (density) document["density"] = {{"x", density->x}, {"y", density->density}};
  std::printf("%s\n", document.dump().c_str());
  return 0;
}

}  // namespace lv::cli
