// Parameter groups for layer-wise methods (LARS, LAMB, Adafactor): which coordinates form one
// "layer" with its own trust ratio or factored second moment. An objective that knows its layers
// (a network) implements lv::GroupedObjective; test surfaces group by the `grouping` setting.
#pragma once

#include <string>
#include <vector>

#include "objective/objective.hpp"
#include "params/hyperparameter.hpp"

namespace lv {

// Coordinates [offset, offset + rows·cols) of x, read as a rows×cols matrix stored row by row
// (as PyTorch stores a Linear weight); cols = 1 for a vector such as a bias.
struct ParameterGroup {
  int offset = 0;
  int rows = 1;
  int cols = 1;
  std::string name;
  int size() const { return rows * cols; }
  bool is_matrix() const { return rows > 1 && cols > 1; }
};

using ParameterGroups = std::vector<ParameterGroup>;

// Implemented (next to lv::Objective) by objectives with a natural layer structure.
class GroupedObjective {
 public:
  virtual ~GroupedObjective() = default;
  // Groups covering every coordinate exactly once, in order.
  virtual ParameterGroups parameter_groups() const = 0;
};

// The `grouping` choice: auto (the objective's layers if it has them, else per_coordinate),
// per_coordinate (every coordinate its own group), all (one vector group).
HyperParameter grouping_parameter();

// The groups the `grouping` choice selects for `objective`. Throws InputError when the
// objective's own groups do not cover its coordinates exactly once.
ParameterGroups parameter_groups_for(const Objective& objective, const std::string& grouping);

}  // namespace lv
