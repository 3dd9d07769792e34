// Contour lines of a sampled grid by marching squares (Lorensen & Cline's marching cubes in 2D):
// each cell's corners above/below the level select which cell edges the line crosses; crossing
// points are linearly interpolated along the edge; segments sharing an edge are joined into
// polylines. Ambiguous saddle cells are resolved by the cell-centre value (mean of the four
// corners), the same way in every cell, so lines never cross or leave gaps.
#pragma once

#include <array>
#include <vector>

#include "grid/sampled_grid.hpp"

namespace lv {

struct Polyline {
  std::vector<std::array<double, 2>> points;  // in the grid's (x, y) coordinates
  bool closed = false;                        // true: the last point joins the first (not repeated)
};

// The polylines where the grid crosses `level`. Cells with a non-finite corner are skipped, so a
// line ends at the edge of the undefined region.
std::vector<Polyline> contour_lines(const SampledGrid& grid, double level);

}  // namespace lv
