#include "optim/parameter_groups.hpp"

#include "common/errors.hpp"

namespace lv {

namespace {

ParameterGroups per_coordinate_groups(int dimension) {
  ParameterGroups groups;
  for (int i = 0; i < dimension; ++i) groups.push_back({i, 1, 1, "x" + std::to_string(i)});
  return groups;
}

void check_cover(const ParameterGroups& groups, int dimension) {
  int next = 0;
  for (const ParameterGroup& group : groups) {
    if (group.offset != next || group.rows < 1 || group.cols < 1) {
      throw InputError("parameter group '" + group.name + "' does not start where the previous " +
                       "one ends (offset " + std::to_string(group.offset) + ", expected " +
                       std::to_string(next) + ")");
    }
    next += group.size();
  }
  if (next != dimension) {
    throw InputError("parameter groups cover " + std::to_string(next) + " of " +
                     std::to_string(dimension) + " coordinates");
  }
}

}  // namespace

HyperParameter grouping_parameter() {
  return choice_parameter("grouping", {"auto", "per_coordinate", "all"}, 0,
                          "parameter groups (layers): auto = the objective's layers, else one "
                          "group per coordinate; all = one group");
}

ParameterGroups parameter_groups_for(const Objective& objective, const std::string& grouping) {
  const int dimension = objective.dim();
  if (grouping == "all") return {ParameterGroup{0, dimension, 1, "all"}};
  if (grouping == "auto") {
    if (const auto* grouped = dynamic_cast<const GroupedObjective*>(&objective)) {
      ParameterGroups groups = grouped->parameter_groups();
      check_cover(groups, dimension);
      return groups;
    }
  }
  return per_coordinate_groups(dimension);
}

}  // namespace lv
