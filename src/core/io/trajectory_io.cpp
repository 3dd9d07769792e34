#include "io/trajectory_io.hpp"

#include <cmath>

#include "common/text.hpp"
#include "run/trajectory_norms.hpp"

namespace lv {

std::string trajectory_csv(const Trajectory& trajectory) {
  std::string csv = "step,loss,grad_norm,update_norm,lr";
  for (int i = 0; i < trajectory.dim(); ++i) csv += ",x" + std::to_string(i);
  csv += ",param_norm,effective_lr,update_ratio";  // added after x: old readers stop at x
  // Mini-batch runs: one more column at the end (§4.3), so readers of the header still work.
  const bool epochs = !trajectory.epoch.empty();
  if (epochs) csv += ",epoch";
  csv += '\n';
  for (int row = 0; row < trajectory.size(); ++row) {
    csv += std::to_string(row);
    for (double value : {trajectory.loss[row], trajectory.gradient_norm[row],
                         trajectory.update_norm[row], trajectory.learning_rate[row]}) {
      csv += ',' + format_exact(value);
    }
    const auto x = trajectory.x(row);
    for (int i = 0; i < trajectory.dim(); ++i) csv += ',' + format_exact(x[i]);
    for (double value : {parameter_norm(trajectory, row), effective_learning_rate(trajectory, row),
                         update_to_parameter_ratio(trajectory, row)}) {
      csv += ',' + format_exact(value);
    }
    if (epochs) csv += ',' + std::to_string(trajectory.epoch[static_cast<size_t>(row)]);
    csv += '\n';
  }
  return csv;
}

nlohmann::json trajectory_json(const Trajectory& trajectory, const RunLabel& label) {
  nlohmann::json points = nlohmann::json::array();
  std::vector<double> parameter_norms, effective_rates, update_ratios;
  for (int row = 0; row < trajectory.size(); ++row) {
    const auto x = trajectory.x(row);
    points.push_back(std::vector<double>(x.data(), x.data() + x.size()));
    parameter_norms.push_back(parameter_norm(trajectory, row));
    effective_rates.push_back(effective_learning_rate(trajectory, row));
    update_ratios.push_back(update_to_parameter_ratio(trajectory, row));
  }
  nlohmann::json run = {
      {"optimizer", label.optimizer},
      {"hyperparameters", label.hyperparameters},
      {"status", status_name(trajectory.status)},
      {"steps", trajectory.size() - 1},
      {"loss", trajectory.loss},
      {"grad_norm", trajectory.gradient_norm},
      {"update_norm", trajectory.update_norm},
      {"lr", trajectory.learning_rate},
      {"function_evaluations", trajectory.function_evaluations},
      {"x", points},
      {"param_norm", parameter_norms},
      {"effective_lr", effective_rates},
      {"update_ratio", update_ratios},
  };
  if (!trajectory.epoch.empty()) run["epoch"] = trajectory.epoch;
  if (!label.schedule.empty()) {
    run["schedule"] = label.schedule;
    run["schedule_parameters"] = label.schedule_parameters;
  }
  if (trajectory.status == RunStatus::Diverged) {
    run["diverged_step"] = trajectory.diverged_step;
  }
  if (!trajectory.status_reason.empty()) run["reason"] = trajectory.status_reason;
  return run;
}

nlohmann::json hyperparameters_json(const HyperParameters& parameters) {
  nlohmann::json object = nlohmann::json::object();
  for (const HyperParameter& d : parameters.descriptors()) {
    switch (d.kind) {
      case ParameterKind::Boolean:
        object[d.name] = parameters.flag(d.name);
        break;
      case ParameterKind::Choice:
        object[d.name] = parameters.choice(d.name);
        break;
      case ParameterKind::List:
        object[d.name] = parameters.list(d.name);
        break;
      default:
        object[d.name] = parameters.get(d.name);
        break;
    }
  }
  return object;
}

}  // namespace lv
