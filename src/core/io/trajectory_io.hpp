// Trajectory files (docs/architecture.md §4.3): the CSV (header step,loss,grad_norm,update_norm,
// lr,x0,x1.., numbers as %.17g) and a JSON document holding one or several labelled runs.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "params/hyperparameter.hpp"
#include "run/trajectory.hpp"

namespace lv {

std::string trajectory_csv(const Trajectory& trajectory);

// What a JSON run record carries besides the trajectory itself.
struct RunLabel {
  std::string optimizer;
  nlohmann::json hyperparameters = nlohmann::json::object();
  std::string schedule;
  nlohmann::json schedule_parameters = nlohmann::json::object();
};

nlohmann::json trajectory_json(const Trajectory& trajectory, const RunLabel& label);

// Every hyperparameter's value as JSON (numbers, booleans, choice names, lists).
nlohmann::json hyperparameters_json(const HyperParameters& parameters);

}  // namespace lv
