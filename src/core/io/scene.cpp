#include "io/scene.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "common/text.hpp"
#include "files/atomic_file.hpp"
#include "numeric/precision.hpp"
#include "optim/registry.hpp"

namespace lv {
namespace {

using Json = nlohmann::json;

// Reads scene JSON with messages that name the file and the key at fault.
class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw InputError(source_ + ": '" + key + "' " + what);
  }

  double number(const Json& object, const char* key, double fallback) const {
    if (!object.contains(key)) return fallback;
    if (!object[key].is_number()) fail(key, "must be a number");
    return object[key].get<double>();
  }
  bool boolean(const Json& object, const char* key, bool fallback) const {
    if (!object.contains(key)) return fallback;
    if (!object[key].is_boolean()) fail(key, "must be true or false");
    return object[key].get<bool>();
  }
  std::string text(const Json& object, const char* key, const std::string& fallback = {}) const {
    if (!object.contains(key)) return fallback;
    if (!object[key].is_string()) fail(key, "must be a string");
    return object[key].get<std::string>();
  }
  const Json& object(const Json& parent, const char* key) const {
    static const Json empty = Json::object();
    if (!parent.contains(key)) return empty;
    if (!parent[key].is_object()) fail(key, "must be an object");
    return parent[key];
  }
  // A whole number in [min, max] (checked before any conversion, so no value overflows an int).
  double whole(const Json& object, const char* key, double fallback, double min, double max) const {
    const double value = number(object, key, fallback);
    if (!(value >= min && value <= max) ||
        value != static_cast<double>(static_cast<int64_t>(value))) {
      fail(key, "must be a whole number in [" + format_exact(min) + ", " + format_exact(max) + "]");
    }
    return value;
  }
  std::vector<double> numbers(const Json& parent, const char* key, size_t count) const {
    const Json& value = parent[key];
    if (!value.is_array() || value.size() != count) {
      fail(key, "must be an array of " + std::to_string(count) + " numbers");
    }
    std::vector<double> result;
    for (const Json& item : value) {
      if (!item.is_number()) fail(key, "must be an array of " + std::to_string(count) + " numbers");
      result.push_back(item.get<double>());
    }
    return result;
  }

  // A setting's JSON value as the text set_from_text() reads: numbers exactly, booleans as
  // true/false, lists comma-separated, choices as their names.
  std::string setting_text(const std::string& key, const Json& value) const {
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    if (value.is_number()) return format_exact(value.get<double>());
    if (value.is_string()) return value.get<std::string>();
    if (value.is_array()) {
      std::string joined;
      for (const Json& item : value) {
        if (!item.is_number()) fail(key, "list entries must be numbers");
        joined += (joined.empty() ? "" : ",") + format_exact(item.get<double>());
      }
      return joined;
    }
    fail(key, "must be a number, a boolean, a string or a list of numbers");
  }

  SceneSettings settings(const Json& parent) const {
    SceneSettings result;
    for (const auto& [name, value] : object(parent, "settings").items()) {
      result.emplace_back(name, setting_text(name, value));
    }
    return result;
  }

 private:
  std::string source_;
};

std::vector<FormulaParameter> read_parameters(const Reader& reader, const Json& root) {
  std::vector<FormulaParameter> parameters;
  for (const auto& [name, value] : reader.object(root, "parameters").items()) {
    FormulaParameter parameter{name};
    if (value.is_number()) {
      parameter.value = value.get<double>();
      parameter.min = std::min(0.0, 2.0 * parameter.value);
      parameter.max = std::max(1.0, 2.0 * parameter.value);
    } else if (value.is_object()) {
      parameter.value = reader.number(value, "value", 0.0);
      parameter.min = reader.number(value, "min", std::min(0.0, 2.0 * parameter.value));
      parameter.max = reader.number(value, "max", std::max(1.0, 2.0 * parameter.value));
    } else {
      reader.fail(name, "must be a number or {\"value\", \"min\", \"max\"}");
    }
    parameters.push_back(parameter);
  }
  return parameters;
}

SceneOptimizer read_optimizer(const Reader& reader, const Json& entry) {
  if (!entry.is_object()) reader.fail("optimizers", "entries must be objects");
  SceneOptimizer optimizer;
  optimizer.name = reader.text(entry, "name");
  if (optimizer.name.empty()) reader.fail("optimizers", "entry without a 'name'");
  optimizer.label = reader.text(entry, "label");
  optimizer.color = reader.text(entry, "color");
  if (entry.contains("start")) {
    const std::vector<double> start = reader.numbers(entry, "start", 2);
    optimizer.start_x = start[0];
    optimizer.start_y = start[1];
  }
  optimizer.settings = reader.settings(entry);
  if (entry.contains("precision")) {
    optimizer.precision = reader.text(entry, "precision");
    try {
      parse_number_format(optimizer.precision);
    } catch (const InputError& error) {
      reader.fail("precision", error.what());
    }
  }
  return optimizer;
}

// [x_min, x_max, y_min, y_max] with min < max.
ViewBox read_box(const Reader& reader, const Json& object, const char* key) {
  const std::vector<double> numbers = reader.numbers(object, key, 4);
  const ViewBox box{numbers[0], numbers[1], numbers[2], numbers[3]};
  if (!(box.x_min < box.x_max && box.y_min < box.y_max)) {
    reader.fail(key, "must be [x_min, x_max, y_min, y_max] with min < max");
  }
  return box;
}

Json box_json(const ViewBox& box) {
  return {box.x_min, box.x_max, box.y_min, box.y_max};
}

SceneView read_view(const Reader& reader, const Json& root) {
  const Json& view_json = reader.object(root, "view");
  SceneView view;
  view.mode = reader.text(view_json, "mode", view.mode);
  if (view.mode != "2d" && view.mode != "3d") reader.fail("mode", "must be \"2d\" or \"3d\"");
  if (view_json.contains("box")) {
    view.box = read_box(reader, view_json, "box");
    view.has_box = true;
  }
  const Json& camera = reader.object(view_json, "camera");
  view.yaw = reader.number(camera, "yaw", view.yaw);
  view.pitch = reader.number(camera, "pitch", view.pitch);
  view.distance = reader.number(camera, "distance", view.distance);
  if (camera.contains("target")) {
    const std::vector<double> target = reader.numbers(camera, "target", 3);
    view.target_x = target[0], view.target_y = target[1], view.target_z = target[2];
  }
  if (view_json.contains("center")) {
    const std::vector<double> center = reader.numbers(view_json, "center", 2);
    view.center_x = center[0], view.center_y = center[1];
    view.units_per_pixel = reader.number(view_json, "units_per_pixel", view.units_per_pixel);
    if (!(view.units_per_pixel > 0)) reader.fail("units_per_pixel", "must be > 0");
    view.has_center = true;
  }
  view.colormap = reader.text(view_json, "colormap", view.colormap);
  const std::string scale = reader.text(view_json, "scale", "linear");
  if (scale != "linear" && scale != "log") reader.fail("scale", "must be \"linear\" or \"log\"");
  view.log_scale = scale == "log";
  view.scale_given = view_json.contains("scale");
  view.contours = static_cast<int>(reader.whole(view_json, "contours", view.contours, 0, 200));
  view.gradient_arrows = reader.boolean(view_json, "gradient_arrows", view.gradient_arrows);
  view.color_by_curvature =
      reader.boolean(view_json, "color_by_curvature", view.color_by_curvature);
  view.hessian_eigenvectors =
      reader.boolean(view_json, "hessian_eigenvectors", view.hessian_eigenvectors);
  view.quadratic_model = reader.boolean(view_json, "quadratic_model", view.quadratic_model);
  view.curvature_plots = reader.boolean(view_json, "curvature_plots", view.curvature_plots);
  view.mesh_resolution =
      static_cast<int>(reader.whole(view_json, "mesh_resolution", view.mesh_resolution, 0, 4096));
  if (view_json.contains("region")) {
    view.region = read_box(reader, view_json, "region");
    view.has_region = true;
  }
  return view;
}

ScenePlayback read_playback(const Reader& reader, const Json& root) {
  const Json& json = reader.object(root, "playback");
  ScenePlayback playback;
  playback.step = reader.number(json, "step", playback.step);
  if (!(playback.step >= 0)) reader.fail("step", "must be >= 0");
  playback.playing = reader.boolean(json, "playing", playback.playing);
  playback.speed = reader.number(json, "speed", playback.speed);
  if (!(playback.speed > 0)) reader.fail("speed", "must be > 0");
  playback.loop = reader.boolean(json, "loop", playback.loop);
  playback.tail = static_cast<int>(reader.whole(json, "tail", playback.tail, 0, 1000000));
  return playback;
}

SceneNetwork read_network(const Reader& reader, const Json& root) {
  SceneNetwork network;
  if (!root.contains("network")) return network;
  const Json& json = reader.object(root, "network");
  network.present = true;
  network.data = reader.text(json, "data", network.data);
  if (json.contains("hidden")) {
    if (!json["hidden"].is_array() || json["hidden"].size() > 16)
      reader.fail("hidden", "must be an array of at most 16 widths");
    network.hidden.clear();
    for (const Json& width : json["hidden"]) {
      if (!width.is_number() || !(width.get<double>() >= 1 && width.get<double>() <= 4096) ||
          width.get<double>() != std::floor(width.get<double>())) {
        reader.fail("hidden", "widths must be whole numbers in [1, 4096]");
      }
      network.hidden.push_back(width.get<int>());
    }
  }
  network.activation = reader.text(json, "activation", network.activation);
  network.optimizer = reader.text(json, "optimizer", network.optimizer);
  network.learning_rate = reader.number(json, "lr", network.learning_rate);
  if (!(network.learning_rate > 0) || !std::isfinite(network.learning_rate))
    reader.fail("lr", "must be a positive number");
  network.epochs = static_cast<int>(reader.whole(json, "epochs", network.epochs, 1, 100000));
  network.batch_size =
      static_cast<int>(reader.whole(json, "batch_size", network.batch_size, 0, 1000000));
  network.seed = static_cast<uint64_t>(reader.whole(json, "seed", 1.0, 0, 2147483647.0));
  network.validation = reader.number(json, "validation", network.validation);
  if (!(network.validation >= 0 && network.validation < 1))
    reader.fail("validation", "must be in [0, 1)");
  const std::string loss = reader.text(json, "loss", "cross_entropy");
  if (loss != "mse" && loss != "cross_entropy") reader.fail("loss", "must be mse or cross_entropy");
  network.mse = loss == "mse";
  network.sharpness_every =
      static_cast<int>(reader.whole(json, "sharpness_every", 0.0, 0, 1000000));
  if (json.contains("schedule")) {
    const Json& schedule = reader.object(json, "schedule");
    network.schedule.name = reader.text(schedule, "name", network.schedule.name);
    network.schedule.settings = reader.settings(schedule);
  }
  network.schedule_step = reader.text(json, "schedule_step", network.schedule_step);
  if (network.schedule_step != "iteration" && network.schedule_step != "epoch")
    reader.fail("schedule_step", "must be iteration or epoch");
  network.weight_decay = reader.number(json, "weight_decay", network.weight_decay);
  if (!(network.weight_decay >= 0) || !std::isfinite(network.weight_decay))
    reader.fail("weight_decay", "must be a number >= 0");
  network.weight_decay_mode = reader.text(json, "weight_decay_mode", network.weight_decay_mode);
  if (network.weight_decay_mode != "l2" && network.weight_decay_mode != "decoupled")
    reader.fail("weight_decay_mode", "must be l2 or decoupled");
  network.dropout = reader.number(json, "dropout", network.dropout);
  if (!(network.dropout >= 0 && network.dropout < 1)) reader.fail("dropout", "must be in [0, 1)");
  network.patience = static_cast<int>(reader.whole(json, "patience", 0.0, 0, 1000000));
  network.clip_norm = reader.number(json, "clip_norm", network.clip_norm);
  if (!(network.clip_norm >= 0) || !std::isfinite(network.clip_norm))
    reader.fail("clip_norm", "must be a number >= 0");
  return network;
}

Json settings_json(const SceneSettings& settings) {
  Json object = Json::object();
  for (const auto& [name, text] : settings) {
    if (text == "true" || text == "false") {
      object[name] = text == "true";
    } else if (const auto number = parse_double(text)) {
      object[name] = *number;
    } else {
      object[name] = text;  // a choice name or a list "1,2,3" (both read back as text)
    }
  }
  return object;
}

void apply_settings(HyperParameters& parameters, const SceneSettings& settings,
                    const std::string& owner) {
  for (const auto& [name, text] : settings) {
    try {
      parameters.set_from_text(name, text);
    } catch (const InputError& error) {
      throw InputError(owner + ": " + error.what());
    }
  }
}

}  // namespace

Scene parse_scene(std::string_view json_text, const std::string& source) {
  Json root;
  try {
    root = Json::parse(json_text);
  } catch (const Json::exception& error) {
    throw InputError(source + ": not valid JSON (" + error.what() + ")");
  }
  if (!root.is_object()) throw InputError(source + ": a scene must be a JSON object");
  const Reader reader(source);
  Scene scene;
  scene.title = reader.text(root, "title");
  scene.text = reader.text(root, "text");
  scene.function = reader.text(root, "function");
  scene.formula = reader.text(root, "formula");
  if (scene.function.empty() == scene.formula.empty()) {
    reader.fail("function", "exactly one of 'function' and 'formula' must be given");
  }
  scene.parameters = read_parameters(reader, root);
  if (root.contains("constraints")) {
    if (!root["constraints"].is_array()) reader.fail("constraints", "must be an array of strings");
    for (const Json& entry : root["constraints"]) {
      if (!entry.is_string()) reader.fail("constraints", "must be an array of strings");
      scene.constraints.push_back(entry.get<std::string>());
    }
  }
  scene.data = reader.text(root, "data");
  if (root.contains("optimizers")) {
    if (!root["optimizers"].is_array()) reader.fail("optimizers", "must be an array");
    for (const Json& entry : root["optimizers"]) {
      scene.optimizers.push_back(read_optimizer(reader, entry));
    }
  }
  const Json& schedule = reader.object(root, "schedule");
  scene.schedule.name = reader.text(schedule, "name", scene.schedule.name);
  scene.schedule.settings = reader.settings(schedule);
  const Json& run = reader.object(root, "run");
  scene.steps = static_cast<int>(reader.whole(run, "steps", scene.steps, 1, 1000000));
  scene.noise_sigma = reader.number(run, "noise", scene.noise_sigma);
  if (scene.noise_sigma < 0) reader.fail("noise", "must be >= 0");
  scene.seed = static_cast<uint64_t>(reader.whole(run, "seed", 0.0, 0, 2147483647.0));
  scene.batch_size = static_cast<int>(reader.whole(run, "batch_size", 0.0, 0, 2147483647.0));
  scene.clip_norm = reader.number(run, "clip_norm", scene.clip_norm);
  scene.clip_value = reader.number(run, "clip_value", scene.clip_value);
  scene.view = read_view(reader, root);
  scene.playback = read_playback(reader, root);
  scene.network = read_network(reader, root);
  return scene;
}

std::string scene_to_json(const Scene& scene) {
  Json root = Json::object();
  if (!scene.title.empty()) root["title"] = scene.title;
  if (!scene.text.empty()) root["text"] = scene.text;
  if (!scene.function.empty()) root["function"] = scene.function;
  if (!scene.formula.empty()) root["formula"] = scene.formula;
  Json parameters = Json::object();
  for (const FormulaParameter& parameter : scene.parameters) {
    parameters[parameter.name] = {
        {"value", parameter.value}, {"min", parameter.min}, {"max", parameter.max}};
  }
  root["parameters"] = parameters;
  if (!scene.constraints.empty()) root["constraints"] = scene.constraints;
  if (!scene.data.empty()) root["data"] = scene.data;
  Json optimizers = Json::array();
  for (const SceneOptimizer& optimizer : scene.optimizers) {
    Json entry = {{"name", optimizer.name},
                  {"start", {optimizer.start_x, optimizer.start_y}},
                  {"settings", settings_json(optimizer.settings)}};
    if (!optimizer.label.empty()) entry["label"] = optimizer.label;
    if (!optimizer.color.empty()) entry["color"] = optimizer.color;
    if (optimizer.precision != "float64") entry["precision"] = optimizer.precision;
    optimizers.push_back(entry);
  }
  root["optimizers"] = optimizers;
  root["schedule"] = {{"name", scene.schedule.name},
                      {"settings", settings_json(scene.schedule.settings)}};
  root["run"] = {{"steps", scene.steps},
                 {"noise", scene.noise_sigma},
                 {"seed", scene.seed},
                 {"clip_norm", scene.clip_norm},
                 {"clip_value", scene.clip_value}};
  if (scene.batch_size > 0) root["run"]["batch_size"] = scene.batch_size;
  Json view = {{"mode", scene.view.mode},
               {"camera",
                {{"yaw", scene.view.yaw},
                 {"pitch", scene.view.pitch},
                 {"distance", scene.view.distance},
                 {"target", {scene.view.target_x, scene.view.target_y, scene.view.target_z}}}},
               {"colormap", scene.view.colormap},
               {"scale", scene.view.log_scale ? "log" : "linear"},
               {"contours", scene.view.contours},
               {"gradient_arrows", scene.view.gradient_arrows},
               {"color_by_curvature", scene.view.color_by_curvature},
               {"hessian_eigenvectors", scene.view.hessian_eigenvectors},
               {"quadratic_model", scene.view.quadratic_model},
               {"curvature_plots", scene.view.curvature_plots},
               {"mesh_resolution", scene.view.mesh_resolution}};
  if (scene.view.has_box) view["box"] = box_json(scene.view.box);
  if (scene.view.has_region) view["region"] = box_json(scene.view.region);
  if (scene.view.has_center) {
    view["center"] = {scene.view.center_x, scene.view.center_y};
    view["units_per_pixel"] = scene.view.units_per_pixel;
  }
  root["view"] = view;
  const ScenePlayback& playback = scene.playback;
  root["playback"] = {{"step", playback.step},
                      {"playing", playback.playing},
                      {"speed", playback.speed},
                      {"loop", playback.loop},
                      {"tail", playback.tail}};
  if (scene.network.present) {
    const SceneNetwork& network = scene.network;
    root["network"] = {
        {"data", network.data},
        {"hidden", network.hidden},
        {"activation", network.activation},
        {"optimizer", network.optimizer},
        {"lr", network.learning_rate},
        {"epochs", network.epochs},
        {"batch_size", network.batch_size},
        {"seed", network.seed},
        {"validation", network.validation},
        {"loss", network.mse ? "mse" : "cross_entropy"},
        {"sharpness_every", network.sharpness_every},
        {"schedule",
         {{"name", network.schedule.name}, {"settings", settings_json(network.schedule.settings)}}},
        {"schedule_step", network.schedule_step},
        {"weight_decay", network.weight_decay},
        {"weight_decay_mode", network.weight_decay_mode},
        {"dropout", network.dropout},
        {"patience", network.patience},
        {"clip_norm", network.clip_norm}};
  }
  return root.dump(2) + "\n";
}

Scene load_scene(const std::string& path) {
  return parse_scene(read_file(path), path);
}

void save_scene(const std::string& path, const Scene& scene) {
  write_file_atomically(path, scene_to_json(scene));
}

std::shared_ptr<const TwoParamModel> make_scene_model(const Scene& scene) {
  const TwoParamModelInfo* info =
      scene.formula.empty() ? find_two_param_model(scene.function) : nullptr;
  if (!info) return nullptr;
  const std::string& data = scene.data.empty() ? info->default_data : scene.data;
  try {
    return std::make_shared<const TwoParamModel>(*info, load_model_data(data, info->columns));
  } catch (const InputError& error) {
    throw InputError("function '" + scene.function + "': " + error.what());
  }
}

Expr make_scene_expr(const Scene& scene) {
  if (!scene.formula.empty()) return Expr::parse(scene.formula, scene.parameters);
  if (const auto model = make_scene_model(scene)) return Expr::parse(model->loss_formula());
  Expr expr = find_test_function(scene.function).expr();
  for (const FormulaParameter& parameter : scene.parameters) {
    try {
      expr.set_parameter(parameter.name, parameter.value);
    } catch (const InputError& error) {
      throw InputError("function '" + scene.function + "': " + error.what());
    }
  }
  return expr;
}

std::unique_ptr<Optimizer> make_scene_optimizer(const SceneOptimizer& entry) {
  std::unique_ptr<Optimizer> optimizer = make_optimizer(entry.name);
  apply_settings(optimizer->hyperparameters(), entry.settings, "optimizer '" + entry.name + "'");
  return optimizer;
}

std::unique_ptr<Schedule> make_scene_schedule(const SceneSchedule& entry) {
  std::unique_ptr<Schedule> schedule = make_schedule(entry.name);
  apply_settings(schedule->hyperparameters(), entry.settings, "schedule '" + entry.name + "'");
  return schedule;
}

SceneSettings scene_settings(const HyperParameters& parameters) {
  SceneSettings settings;
  for (const HyperParameter& descriptor : parameters.descriptors()) {
    settings.emplace_back(descriptor.name, parameters.to_text(descriptor.name));
  }
  return settings;
}

}  // namespace lv
