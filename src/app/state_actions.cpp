#include "state_actions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "common/errors.hpp"
#include "constraints/constrained_objective.hpp"
#include "curvature_view.hpp"
#include "functions/residual_forms.hpp"
#include "kkt_view.hpp"
#include "objective/formula_objective.hpp"
#include "optim/registry.hpp"
#include "plot/colormap.hpp"
#include "plot/palette.hpp"
#include "plot/value_scale.hpp"
#include "run/runner.hpp"
#include "view_axes.hpp"

namespace lv::app {
namespace {

std::string color_to_hex(const std::array<float, 3>& color) {
  char text[8];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", static_cast<int>(std::lround(color[0] * 255)),
                static_cast<int>(std::lround(color[1] * 255)),
                static_cast<int>(std::lround(color[2] * 255)));
  return text;
}

bool hex_to_color(const std::string& text, std::array<float, 3>& color) {
  unsigned red = 0, green = 0, blue = 0;
  if (text.size() != 7 || std::sscanf(text.c_str(), "#%2x%2x%2x", &red, &green, &blue) != 3) {
    return false;
  }
  color = {static_cast<float>(red) / 255.0f, static_cast<float>(green) / 255.0f,
           static_cast<float>(blue) / 255.0f};
  return true;
}

std::pair<double, double> default_start(const AppState& state) {
  if (state.function.builtin >= 0) {
    const TestFunction& function = test_functions()[static_cast<size_t>(state.function.builtin)];
    if (!function.start_points.empty()) return function.start_points.front();
  }
  const ViewBox& box = state.function.domain;
  return {box.x_min + 0.2 * (box.x_max - box.x_min), box.y_min + 0.8 * (box.y_max - box.y_min)};
}

void mark_formula_changed(AppState& state) {
  state.function.shader_stale = true;
  state.run.stale = true;
  state.view.range_stale = true;
}

std::unique_ptr<Optimizer> copy_optimizer(const Optimizer& original) {
  std::unique_ptr<Optimizer> copy = make_optimizer(original.name());
  copy->hyperparameters() = original.hyperparameters();
  return copy;
}

std::unique_ptr<Schedule> copy_schedule(const Schedule& original) {
  std::unique_ptr<Schedule> copy = make_schedule(original.name());
  copy->hyperparameters() = original.hyperparameters();
  return copy;
}

}  // namespace

std::array<float, 3> palette_color(size_t index) {
  const Rgb color = lv::palette_color(static_cast<int>(index % trajectory_palette().size()));
  return {static_cast<float>(color.r), static_cast<float>(color.g), static_cast<float>(color.b)};
}

bool set_constraints(AppState& state, const std::vector<std::string>& texts) {
  FunctionState& function = state.function;
  function.constraint_texts = texts;
  ConstraintSet parsed;
  try {
    for (const std::string& text : texts) {
      if (text.find_first_not_of(" \t") == std::string::npos) continue;  // an empty row
      parsed.add(text);
      const Constraint& added = parsed.constraints().back();
      if (added.function.dimension() > 2) {
        throw InputError("constraint '" + text + "': only x and y can be drawn here");
      }
    }
  } catch (const InputError& error) {
    function.constraint_error = error.what();
    return false;
  }
  function.constraint_error.clear();
  function.constraints = std::move(parsed);
  mark_formula_changed(state);
  return true;
}

void select_builtin_function(AppState& state, int index) {
  const TestFunction& function = test_functions()[static_cast<size_t>(index)];
  state.function.model.reset();
  state.function.builtin = index;
  state.function.editor_text = function.formula;
  state.function.expr = function.expr();
  state.function.error.clear();
  state.function.domain = function.view;
  state.view.log_scale = default_log_scale(state);
  mark_formula_changed(state);
}

bool select_two_param_model(AppState& state, const TwoParamModelInfo& info,
                            const std::string& data) {
  std::shared_ptr<const TwoParamModel> model;
  try {
    model = std::make_shared<const TwoParamModel>(info, load_model_data(data, info.columns));
    if (info.kind != TwoParamKind::LinearRegression &&
        model->sample_count() > k_max_formula_samples) {
      throw InputError("data '" + data + "': " + std::to_string(model->sample_count()) +
                       " samples; the app draws " + info.name + " for at most " +
                       std::to_string(k_max_formula_samples));
    }
  } catch (const InputError& error) {
    state.function.data_error = error.what();
    return false;
  }
  state.function.data_error.clear();
  state.function.builtin = -1;
  state.function.expr = Expr::parse(model->loss_formula());
  state.function.editor_text = state.function.expr.text();
  state.function.error.clear();
  state.function.domain = info.view;
  state.function.model = std::move(model);
  state.function.model_data = data;
  state.view.log_scale = default_log_scale(state);
  mark_formula_changed(state);
  return true;
}

bool default_log_scale(const AppState& state) {
  const ViewBox& box = state.function.domain;
  constexpr int samples = 48;
  std::vector<double> values;
  values.reserve(samples * samples);
  Vec point(2);
  for (int j = 0; j < samples; ++j) {
    for (int i = 0; i < samples; ++i) {
      point << box.x_min + (box.x_max - box.x_min) * (i + 0.5) / samples,
          box.y_min + (box.y_max - box.y_min) * (j + 0.5) / samples;
      values.push_back(state.function.expr.value(point));
    }
  }
  return prefers_log_scale(std::move(values));
}

bool apply_formula_text(AppState& state) {
  std::vector<FormulaParameter> parameters = state.function.expr.parameters();
  for (size_t i = 0; i < parameters.size(); ++i) {
    parameters[i].value = state.function.expr.parameter_values()[i];
  }
  try {
    // The current parameters stay declared (with their values), so editing the formula around
    // them keeps the sliders; unknown names are parse errors with a suggestion.
    Expr parsed = Expr::parse(state.function.editor_text, parameters);
    if (parsed.dimension() != 2) {
      throw InputError("the formula must use only x and y (found " +
                       std::to_string(parsed.dimension()) + " variables)");
    }
    state.function.expr = std::move(parsed);
  } catch (const InputError& error) {
    state.function.error = error.what();
    return false;
  }
  state.function.error.clear();
  if (state.function.builtin >= 0 &&
      state.function.editor_text !=
          test_functions()[static_cast<size_t>(state.function.builtin)].formula) {
    state.function.builtin = -1;
  }
  mark_formula_changed(state);
  return true;
}

void set_formula_parameter(AppState& state, int index, double value) {
  state.function.expr.set_parameter(
      state.function.expr.parameters()[static_cast<size_t>(index)].name, value);
  state.run.stale = true;
  state.view.range_stale = true;
}

void add_optimizer(AppState& state, const std::string& name) {
  OptimizerSlot slot;
  slot.optimizer = make_optimizer(name);
  slot.label = name;
  slot.color = palette_color(state.optimizers.size());
  const auto [x, y] = default_start(state);
  slot.start_x = x;
  slot.start_y = y;
  state.optimizers.push_back(std::move(slot));
  state.ui.selected_optimizer = static_cast<int>(state.optimizers.size()) - 1;
  state.run.stale = true;
}

void remove_optimizer(AppState& state, int index) {
  state.optimizers.erase(state.optimizers.begin() + index);
  // Until the new race is in (it may run on the worker), the shown runs stay with their slots.
  if (index < static_cast<int>(state.run.trajectories.size())) {
    state.run.trajectories.erase(state.run.trajectories.begin() + index);
  }
  if (index < static_cast<int>(state.run.curvature.size())) {
    state.run.curvature.erase(state.run.curvature.begin() + index);
  }
  state.ui.selected_optimizer = std::clamp(
      state.ui.selected_optimizer, 0, std::max(0, static_cast<int>(state.optimizers.size()) - 1));
  state.run.stale = true;
}

void drop_start_point(AppState& state, double x, double y, bool all) {
  for (size_t i = 0; i < state.optimizers.size(); ++i) {
    if (all || static_cast<int>(i) == state.ui.selected_optimizer) {
      state.optimizers[i].start_x = x;
      state.optimizers[i].start_y = y;
    }
  }
  state.run.stale = true;
  state.playback.step = 0.0;
  state.playback.playing = true;
}

bool network_landscape_shown(const AppState& state) {
  const Surface& surface = state.network.snapshot.surface;
  return state.network.show_landscape && !surface.is_1d() && surface.stride > 0;
}

void click_scene(AppState& state, double x, double y, bool all) {
  if (network_landscape_shown(state)) return;
  drop_start_point(state, x, y, all);
}

std::shared_ptr<const Objective> unconstrained_objective(const FunctionState& function) {
  if (function.model) return function.model;
  if (function.builtin >= 0) {
    const TestFunction& builtin = test_functions()[static_cast<size_t>(function.builtin)];
    if (auto least_squares = builtin_least_squares(builtin.name, function.expr))
      return least_squares;
  }
  return std::make_shared<const FormulaObjective>(function.expr);
}

// With constraints the race runs on a ConstrainedObjective (what constrained methods look for);
// it refers to the unconstrained objective, so both live in one allocation.
std::shared_ptr<const Objective> race_objective(const FunctionState& function) {
  std::shared_ptr<const Objective> base = unconstrained_objective(function);
  if (function.constraints.empty()) return base;
  struct Owned {
    std::shared_ptr<const Objective> base;
    ConstrainedObjective constrained;
  };
  auto owned =
      std::make_shared<Owned>(Owned{base, ConstrainedObjective(*base, function.constraints)});
  return std::shared_ptr<const Objective>(owned, &owned->constrained);
}

void run_lr_finder(AppState& state, int index) {
  OptimizerSlot& slot = state.optimizers[static_cast<size_t>(index)];
  slot.lr_finder.reset();
  slot.lr_finder_error.clear();
  try {
    const std::shared_ptr<const Objective> objective = race_objective(state.function);
    std::unique_ptr<Optimizer> optimizer = copy_optimizer(*slot.optimizer);
    Vec start(2);
    start << slot.start_x, slot.start_y;
    LrFinderSettings settings;
    settings.min_lr = 1e-6;
    slot.lr_finder = find_learning_rate(*objective, *optimizer, start, settings);
  } catch (const InputError& error) {
    slot.lr_finder_error = error.what();
  }
}

RaceJob prepare_race(AppState& state) {
  RaceJob job;
  job.objective = race_objective(state.function);
  job.slot_count = state.optimizers.size();
  RunSettings settings;
  settings.max_steps = state.run.steps;
  settings.noise_sigma = state.run.noise_sigma;
  settings.seed = static_cast<uint64_t>(state.run.seed);
  settings.batch_size = state.run.batch_size;
  settings.clip.max_norm = state.run.clip_norm;
  settings.clip.max_value = state.run.clip_value;
  // ∇f vanishes only at unconstrained stationary points: with constraints every step runs.
  if (!state.function.constraints.empty()) settings.gradient_tolerance = 0.0;
  for (size_t i = 0; i < state.optimizers.size(); ++i) {
    OptimizerSlot& slot = state.optimizers[i];
    slot.error.clear();
    RaceEntry entry{copy_optimizer(*slot.optimizer),
                    state.run.schedule ? copy_schedule(*state.run.schedule) : nullptr, Vec(2),
                    settings};
    entry.settings.precision.format = slot.precision;
    entry.start << slot.start_x, slot.start_y;
    try {  // configuration errors are reported per optimizer; the others still run
      entry.optimizer->reset(entry.start);
      if (entry.schedule) entry.schedule->validate();
    } catch (const InputError& error) {
      slot.error = error.what();
      continue;
    }
    job.entries.push_back(std::move(entry));
    job.slots.push_back(i);
  }
  return job;
}

void install_race(AppState& state, RaceResult&& result) {
  // Optimizers added or removed since the race was prepared: it is stale, a newer one follows.
  if (result.slot_count != state.optimizers.size()) return;
  state.run.trajectories.assign(state.optimizers.size(), Trajectory(2));
  state.run.curvature.assign(state.optimizers.size(), CurvatureTrack());
  for (size_t k = 0; k < result.trajectories.size(); ++k) {
    const size_t slot = result.slots[k];
    if (!result.errors[k].empty()) state.optimizers[slot].error = result.errors[k];
    state.run.trajectories[slot] = std::move(result.trajectories[k]);
    if (k < result.curvature.size()) state.run.curvature[slot] = std::move(result.curvature[k]);
  }
  state.run.curvature_scale = typical_curvature(state.run.curvature);
  state.run.regularization.assign(state.optimizers.size(), std::nullopt);
  state.run.final_kkt.assign(state.optimizers.size(), std::nullopt);
  for (size_t slot = 0; slot < state.optimizers.size(); ++slot) {
    state.run.regularization[slot] = regularization_view(state, slot);
    state.run.final_kkt[slot] = final_kkt_view(state, slot);
  }
  state.playback.step = std::min(state.playback.step, static_cast<double>(last_step(state)));
}

void rerun_trajectories(AppState& state) {
  RaceJob job = prepare_race(state);
  install_race(state, compute_race(job, nullptr));
  state.run.stale = false;
}

int last_step(const AppState& state) {
  int longest = 0;
  for (const Trajectory& trajectory : state.run.trajectories) {
    longest = std::max(longest, trajectory.size() - 1);
  }
  return longest;
}

ViewBox visible_region(const View2D& view, float viewport_width, float viewport_height) {
  const double half_width = 0.5 * viewport_width * view.units_per_pixel;
  const double half_height = 0.5 * viewport_height * view.units_per_pixel;
  return {view.center_x - half_width, view.center_x + half_width, view.center_y - half_height,
          view.center_y + half_height};
}

void update_value_range(AppState& state, float viewport_width, float viewport_height) {
  ViewBox box = state.function.domain;
  if (!state.view.three_d) box = visible_region(state.view.view2d, viewport_width, viewport_height);
  constexpr int samples = 48;
  std::vector<double> values, curvatures;
  Vec point(2), gradient(2);
  Mat hessian(2, 2);
  for (int j = 0; j < samples; ++j) {
    for (int i = 0; i < samples; ++i) {
      point << box.x_min + (box.x_max - box.x_min) * (i + 0.5) / samples,
          box.y_min + (box.y_max - box.y_min) * (j + 0.5) / samples;
      const double value = state.function.expr.value_gradient_hessian(point, gradient, hessian);
      if (!std::isfinite(value)) continue;
      values.push_back(value);
      const double mean = 0.5 * (hessian(0, 0) + hessian(1, 1));
      const double radius = std::hypot(0.5 * (hessian(0, 0) - hessian(1, 1)), hessian(0, 1));
      if (std::isfinite(mean - radius)) curvatures.push_back(std::abs(mean - radius));
    }
  }
  state.view.range_stale = false;
  if (values.empty()) return;
  std::sort(values.begin(), values.end());
  // The top 2% are left out of a linear scale so a steep rim does not wash out the valley.
  const size_t top = state.view.log_scale ? values.size() - 1 : (values.size() - 1) * 98 / 100;
  // The samples miss the exact minimum: a known one inside the region counts, and a positive
  // minimum within 0.1% of the range is taken as 0, so the colorbar (and a log scale) count f
  // itself rather than f − 0.0451.
  double low = values.front();
  const double high = std::max(values[top], low + 1e-12);
  for (const CriticalPoint& point : known_critical_points(state)) {
    const bool inside = point.x >= box.x_min && point.x <= box.x_max && point.y >= box.y_min &&
                        point.y <= box.y_max;
    if (inside && std::isfinite(point.value)) low = std::min(low, point.value);
  }
  if (low > 0 && low < 1e-3 * (high - low)) low = 0;
  state.view.value_min = static_cast<float>(low);
  state.view.value_max = static_cast<float>(high);
  if (!curvatures.empty()) {
    std::sort(curvatures.begin(), curvatures.end());
    state.view.curvature_range =
        static_cast<float>(std::max(curvatures[(curvatures.size() - 1) * 9 / 10], 1e-9));
  }
}

void home_view(AppState& state, float viewport_width, float viewport_height) {
  const ViewBox box = state.view.region_to_show.value_or(state.function.domain);
  state.view.region_to_show.reset();
  View2D& view = state.view.view2d;
  view.center_x = 0.5 * (box.x_min + box.x_max);
  view.center_y = 0.5 * (box.y_min + box.y_max);
  view.units_per_pixel = std::max((box.x_max - box.x_min) / std::max(viewport_width, 1.0f),
                                  (box.y_max - box.y_min) / std::max(viewport_height, 1.0f));
  limit_view2d(view);
  state.view.range_stale = true;
}

float scaled_value(const ViewState& view, double value) {
  const double span = std::max(static_cast<double>(view.value_max - view.value_min), 1e-30);
  if (view.log_scale) {
    const double unit = std::max(span * 1e-4, 1e-30);
    return static_cast<float>(std::log1p(std::max(value - view.value_min, 0.0) / unit) /
                              std::log1p(span / unit));
  }
  return static_cast<float>((value - view.value_min) / span);
}

Vector3 surface_point(const AppState& state, double x, double y, double value) {
  const ViewBox& box = state.function.domain;
  const float height =
      std::clamp(scaled_value(state.view, value), 0.0f, 1.0f) * state.view.height_scale;
  return {static_cast<float>(2.0 * (x - box.x_min) / (box.x_max - box.x_min) - 1.0),
          static_cast<float>(2.0 * (y - box.y_min) / (box.y_max - box.y_min) - 1.0), height};
}

namespace {

// A scene with a network sets up the Network panel as it says and starts training (the panel
// opens and scrolls into view); one without leaves the panel as it is.
void apply_scene_network(AppState& state, const SceneNetwork& scene,
                         std::vector<std::string>& problems) {
  NetworkState& network = state.network;
  network.in_scene = scene.present;
  if (!scene.present) return;
  NetworkConfig& config = network.config;
  config.data = scene.data;
  config.hidden = scene.hidden;
  network.hidden_text.clear();
  for (const int width : scene.hidden)
    network.hidden_text += (network.hidden_text.empty() ? "" : ",") + std::to_string(width);
  bool known_activation = false;
  for (const LayerType type : {LayerType::Tanh, LayerType::Relu, LayerType::Sigmoid,
                               LayerType::Gelu, LayerType::Softplus}) {
    if (scene.activation == layer_type_name(type)) {
      config.activation = type;
      known_activation = true;
    }
  }
  if (!known_activation)
    problems.push_back("network: unknown activation '" + scene.activation + "'");
  config.optimizer = scene.optimizer;
  config.learning_rate = scene.learning_rate;
  config.epochs = scene.epochs;
  config.batch_size = scene.batch_size;
  config.seed = scene.seed;
  config.validation_fraction = scene.validation;
  config.mse = scene.mse;
  config.sharpness_every = scene.sharpness_every;
  config.weight_decay = scene.weight_decay;
  config.dropout = scene.dropout;
  config.patience = scene.patience;
  config.clip_norm = scene.clip_norm;
  config.schedule.reset();
  try {
    config.schedule_step = parse_schedule_step(scene.schedule_step);
    config.weight_decay_mode = parse_weight_decay_mode(scene.weight_decay_mode);
    // "constant" without settings is the lr as set; constant with a warmup is a schedule.
    if (scene.schedule.name != "constant" || !scene.schedule.settings.empty())
      config.schedule = make_scene_schedule(scene.schedule);
  } catch (const InputError& error) {
    problems.push_back(std::string("network: ") + error.what());
  }
  try {
    network.session->start_training(config);
    network.reveal_frames = 3;
  } catch (const InputError& error) {
    problems.push_back(std::string("network: ") + error.what());
  }
}

SceneNetwork capture_scene_network(const NetworkState& network) {
  SceneNetwork scene;
  if (!network.in_scene) return scene;
  const NetworkConfig& config = network.config;
  scene.present = true;
  scene.data = config.data;
  scene.hidden = config.hidden;
  scene.activation = layer_type_name(config.activation);
  scene.optimizer = config.optimizer;
  scene.learning_rate = config.learning_rate;
  scene.epochs = config.epochs;
  scene.batch_size = config.batch_size;
  scene.seed = config.seed;
  scene.validation = config.validation_fraction;
  scene.mse = config.mse;
  scene.sharpness_every = config.sharpness_every;
  if (config.schedule) {
    scene.schedule.name = config.schedule->name();
    scene.schedule.settings = scene_settings(config.schedule->hyperparameters());
  }
  scene.schedule_step = schedule_step_name(config.schedule_step);
  scene.weight_decay = config.weight_decay;
  scene.weight_decay_mode = weight_decay_mode_name(config.weight_decay_mode);
  scene.dropout = config.dropout;
  scene.patience = config.patience;
  scene.clip_norm = config.clip_norm;
  return scene;
}

}  // namespace

std::vector<std::string> apply_scene(AppState& state, const Scene& scene) {
  std::vector<std::string> problems;
  try {
    const TwoParamModelInfo* model = find_two_param_model(scene.function);
    Expr expr = model ? Expr() : make_scene_expr(scene);
    if (model) {
      if (!select_two_param_model(state, *model,
                                  scene.data.empty() ? model->default_data : scene.data)) {
        throw InputError("function '" + scene.function + "': " + state.function.data_error);
      }
      expr = state.function.expr;
    } else if (scene.formula.empty()) {
      const auto& functions = test_functions();
      const auto found =
          std::find_if(functions.begin(), functions.end(),
                       [&](const TestFunction& f) { return f.name == scene.function; });
      select_builtin_function(state, static_cast<int>(found - functions.begin()));
    } else {
      state.function.model.reset();
      state.function.builtin = -1;
      state.function.editor_text = scene.formula;
      state.function.error.clear();
      state.function.domain = ViewBox{};
    }
    state.function.expr = std::move(expr);
  } catch (const InputError& error) {
    problems.push_back(error.what());
  }
  if (scene.view.has_box) state.function.domain = scene.view.box;
  if (!set_constraints(state, scene.constraints)) {
    problems.push_back(state.function.constraint_error);
    set_constraints(state, {});
  }
  mark_formula_changed(state);

  state.optimizers.clear();
  for (const SceneOptimizer& entry : scene.optimizers) {
    try {
      OptimizerSlot slot;
      slot.optimizer = make_scene_optimizer(entry);
      slot.label = entry.label.empty() ? entry.name : entry.label;
      slot.color = palette_color(state.optimizers.size());
      if (!entry.color.empty() && !hex_to_color(entry.color, slot.color)) {
        problems.push_back("optimizer '" + entry.name + "': color '" + entry.color +
                           "' is not #rrggbb");
      }
      slot.start_x = entry.start_x;
      slot.start_y = entry.start_y;
      slot.precision = parse_number_format(entry.precision);
      state.optimizers.push_back(std::move(slot));
    } catch (const InputError& error) {
      problems.push_back(error.what());
    }
  }
  try {
    state.run.schedule = make_scene_schedule(scene.schedule);
  } catch (const InputError& error) {
    problems.push_back(error.what());
    state.run.schedule = make_schedule("constant");
  }
  state.run.steps = scene.steps;
  state.run.noise_sigma = scene.noise_sigma;
  state.run.seed = static_cast<int>(scene.seed);
  state.run.batch_size = scene.batch_size;
  state.run.clip_norm = scene.clip_norm;
  state.run.clip_value = scene.clip_value;
  state.run.stale = true;

  ViewState& view = state.view;
  view.three_d = scene.view.mode == "3d";
  view.camera.yaw = static_cast<float>(scene.view.yaw);
  view.camera.pitch = static_cast<float>(scene.view.pitch);
  view.camera.distance = static_cast<float>(scene.view.distance);
  view.camera.target =
      Vector3(static_cast<float>(scene.view.target_x), static_cast<float>(scene.view.target_y),
              static_cast<float>(scene.view.target_z));
  // A scene with a 2D center and zoom shows exactly that view; otherwise the box is fitted.
  if (scene.view.has_center) {
    view.view2d = {scene.view.center_x, scene.view.center_y, scene.view.units_per_pixel};
    limit_view2d(view.view2d);
  }
  state.ui.home_request = !scene.view.has_center;
  const std::optional<int> colormap = colormap_index(scene.view.colormap);
  if (!colormap)
    problems.push_back("unknown colormap '" + scene.view.colormap + "' (using viridis)");
  view.colormap = colormap.value_or(0);
  view.log_scale = scene.view.scale_given ? scene.view.log_scale : default_log_scale(state);
  view.contours = scene.view.contours;
  view.arrows = scene.view.gradient_arrows;
  view.color_by_curvature = scene.view.color_by_curvature;
  view.hessian_eigenvectors = scene.view.hessian_eigenvectors;
  view.quadratic_model = scene.view.quadratic_model;
  state.ui.curvature_plots = scene.view.curvature_plots;
  view.mesh_resolution = scene.view.mesh_resolution;
  // A region (hand-written scenes) is fitted by the next home view, once.
  view.region_to_show.reset();
  if (scene.view.has_region && !scene.view.has_center) view.region_to_show = scene.view.region;
  view.range_stale = true;

  state.ui.lesson_title = scene.title;
  state.ui.lesson_text = scene.text;
  state.ui.selected_optimizer = 0;
  state.playback.step = scene.playback.step;
  state.playback.playing = scene.playback.playing;
  state.playback.speed = scene.playback.speed;
  state.playback.loop = scene.playback.loop;
  state.playback.tail_steps = scene.playback.tail;
  apply_scene_network(state, scene.network, problems);
  return problems;
}

Scene capture_scene(const AppState& state) {
  Scene scene;
  scene.title = state.ui.lesson_title;
  scene.text = state.ui.lesson_text;
  const Expr& expr = state.function.expr;
  if (state.function.model) {
    scene.function = state.function.model->info().name;
    scene.data = state.function.model_data;
  } else if (state.function.builtin >= 0) {
    scene.function = test_functions()[static_cast<size_t>(state.function.builtin)].name;
  } else {
    scene.formula = expr.text();
  }
  for (size_t i = 0; i < expr.parameters().size(); ++i) {
    FormulaParameter parameter = expr.parameters()[i];
    parameter.value = expr.parameter_values()[i];
    scene.parameters.push_back(parameter);
  }
  for (const Constraint& constraint : state.function.constraints.constraints()) {
    scene.constraints.push_back(constraint.text);
  }
  for (const OptimizerSlot& slot : state.optimizers) {
    scene.optimizers.push_back({slot.optimizer->name(), slot.label, color_to_hex(slot.color),
                                slot.start_x, slot.start_y,
                                scene_settings(slot.optimizer->hyperparameters())});
    scene.optimizers.back().precision = number_format_name(slot.precision);
  }
  if (state.run.schedule) {
    scene.schedule = {state.run.schedule->name(),
                      scene_settings(state.run.schedule->hyperparameters())};
  }
  scene.steps = state.run.steps;
  scene.noise_sigma = state.run.noise_sigma;
  scene.seed = static_cast<uint64_t>(state.run.seed);
  scene.batch_size = state.run.batch_size;
  scene.clip_norm = state.run.clip_norm;
  scene.clip_value = state.run.clip_value;
  SceneView& view = scene.view;
  view.mode = state.view.three_d ? "3d" : "2d";
  view.has_box = true;
  view.box = state.function.domain;
  view.yaw = state.view.camera.yaw;
  view.pitch = state.view.camera.pitch;
  view.distance = state.view.camera.distance;
  view.target_x = state.view.camera.target.x();
  view.target_y = state.view.camera.target.y();
  view.target_z = state.view.camera.target.z();
  view.has_center = true;
  view.center_x = state.view.view2d.center_x;
  view.center_y = state.view.view2d.center_y;
  view.units_per_pixel = state.view.view2d.units_per_pixel;
  view.colormap = colormaps()[static_cast<size_t>(state.view.colormap)].name;
  view.log_scale = state.view.log_scale;
  view.contours = state.view.contours;
  view.gradient_arrows = state.view.arrows;
  view.color_by_curvature = state.view.color_by_curvature;
  view.hessian_eigenvectors = state.view.hessian_eigenvectors;
  view.quadratic_model = state.view.quadratic_model;
  view.curvature_plots = state.ui.curvature_plots;
  view.mesh_resolution = state.view.mesh_resolution;
  // A paused animation keeps its step (the user chose that moment); a playing one is saved
  // playing from the start, as a lesson plays when opened.
  const PlaybackState& playback = state.playback;
  scene.playback = {playback.playing ? 0.0 : playback.step, playback.playing, playback.speed,
                    playback.loop, playback.tail_steps};
  scene.network = capture_scene_network(state.network);
  return scene;
}

std::string undo_snapshot(const AppState& state) {
  Scene scene = capture_scene(state);
  scene.playback = ScenePlayback{};
  scene.network = SceneNetwork{};
  return scene_to_json(scene);
}

void record_undo_step(AppState& state) {
  state.ui.undo.record(undo_snapshot(state));
}

namespace {

void show_undo_snapshot(AppState& state, const std::string& snapshot) {
  const PlaybackState playback = state.playback;
  const bool network_in_scene = state.network.in_scene;
  const int selected = state.ui.selected_optimizer;
  std::vector<std::string> messages = std::move(state.ui.messages);
  (void)apply_scene(state, parse_scene(snapshot, "undo"));  // it loaded without problems before
  state.playback = playback;
  state.network.in_scene = network_in_scene;
  state.ui.messages = std::move(messages);
  const int slots = static_cast<int>(state.optimizers.size());
  state.ui.selected_optimizer = std::clamp(selected, 0, std::max(0, slots - 1));
  state.ui.undo.replace_current(undo_snapshot(state));
}

}  // namespace

bool undo_scene_change(AppState& state) {
  const std::optional<std::string> snapshot = state.ui.undo.undo();
  if (snapshot) show_undo_snapshot(state, *snapshot);
  return snapshot.has_value();
}

bool redo_scene_change(AppState& state) {
  const std::optional<std::string> snapshot = state.ui.undo.redo();
  if (snapshot) show_undo_snapshot(state, *snapshot);
  return snapshot.has_value();
}

}  // namespace lv::app
