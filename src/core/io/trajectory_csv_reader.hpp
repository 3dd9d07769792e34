// Reading a trajectory CSV back (the format `lossviz-cli run` writes, docs/architecture.md §4.3:
// header step,loss,grad_norm,update_norm,lr,x0,x1[,x2...]), e.g. to draw a projected network
// trajectory over an HDF5 surface.
#pragma once

#include <string>

#include "run/trajectory.hpp"

namespace lv {

// Parses the CSV text; `source` names the file in errors. A row whose loss or point is not finite
// marks the trajectory diverged at that step (and ends it). Throws InputError naming the source,
// line and column for a bad header or a malformed number.
Trajectory parse_trajectory_csv(const std::string& text, const std::string& source);

}  // namespace lv
