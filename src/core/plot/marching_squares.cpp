#include "plot/marching_squares.hpp"

#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace lv {

namespace {

// A grid edge: horizontal from (i, j) to (i+1, j), or vertical from (i, j) to (i, j+1).
int64_t horizontal_edge(const SampledGrid& grid, int i, int j) {
  return (int64_t{j} * grid.nx + i) * 2;
}
int64_t vertical_edge(const SampledGrid& grid, int i, int j) {
  return (int64_t{j} * grid.nx + i) * 2 + 1;
}

std::array<double, 2> crossing_point(const SampledGrid& grid, int64_t edge, double level) {
  const int64_t node = edge / 2;
  const int i = static_cast<int>(node % grid.nx);
  const int j = static_cast<int>(node / grid.nx);
  const bool vertical = edge % 2 == 1;
  const int i2 = vertical ? i : i + 1;
  const int j2 = vertical ? j + 1 : j;
  const double a = grid.at(i, j), b = grid.at(i2, j2);
  const double t = (level - a) / (b - a);  // a and b lie on opposite sides, so b != a
  return {grid.x(i) + t * (grid.x(i2) - grid.x(i)), grid.y(j) + t * (grid.y(j2) - grid.y(j))};
}

struct Segment {
  int64_t from, to;  // edge ids
};

// The segments of one cell. Corner order: 0 = (i,j), 1 = (i+1,j), 2 = (i+1,j+1), 3 = (i,j+1);
// edges: bottom (0-1), right (1-2), top (3-2), left (0-3).
void cell_segments(const SampledGrid& grid, int i, int j, double level, std::vector<Segment>& out) {
  const double corner[4] = {grid.at(i, j), grid.at(i + 1, j), grid.at(i + 1, j + 1),
                            grid.at(i, j + 1)};
  for (double value : corner) {
    if (!std::isfinite(value)) return;
  }
  const bool above[4] = {corner[0] > level, corner[1] > level, corner[2] > level,
                         corner[3] > level};
  const int64_t bottom = horizontal_edge(grid, i, j), top = horizontal_edge(grid, i, j + 1);
  const int64_t left = vertical_edge(grid, i, j), right = vertical_edge(grid, i + 1, j);
  // The edges crossed, in the corner walk order bottom, right, top, left.
  int64_t crossed[4];
  int count = 0;
  if (above[0] != above[1]) crossed[count++] = bottom;
  if (above[1] != above[2]) crossed[count++] = right;
  if (above[3] != above[2]) crossed[count++] = top;
  if (above[0] != above[3]) crossed[count++] = left;
  if (count == 2) {
    out.push_back({crossed[0], crossed[1]});
    return;
  }
  if (count != 4) return;
  // Saddle: corners 0 and 2 on one side, 1 and 3 on the other. If the centre is on corner 0's
  // side, 0 and 2 connect through the middle and the lines cut off corners 1 and 3.
  const double centre = 0.25 * (corner[0] + corner[1] + corner[2] + corner[3]);
  if ((centre > level) == above[0]) {
    out.push_back({bottom, right});  // around corner 1
    out.push_back({top, left});      // around corner 3
  } else {
    out.push_back({left, bottom});  // around corner 0
    out.push_back({right, top});    // around corner 2
  }
}

// Joins segments that share an edge into polylines (each crossing edge belongs to at most two
// segments: one in each cell beside it).
std::vector<Polyline> join_segments(const SampledGrid& grid, const std::vector<Segment>& segments,
                                    double level) {
  std::unordered_map<int64_t, std::array<int, 2>> at_edge;
  at_edge.reserve(segments.size() * 2);
  for (int s = 0; s < static_cast<int>(segments.size()); ++s) {
    for (int64_t edge : {segments[s].from, segments[s].to}) {
      auto [it, inserted] = at_edge.try_emplace(edge, std::array<int, 2>{s, -1});
      if (!inserted) it->second[1] = s;
    }
  }
  std::vector<bool> used(segments.size(), false);
  // From segment s entered through `edge`, the edge chain until a dead end or a used segment.
  auto walk = [&](int64_t edge, std::vector<int64_t>& chain) {
    for (;;) {
      const std::array<int, 2>& owners = at_edge.at(edge);
      const int next = owners[0] >= 0 && !used[owners[0]]   ? owners[0]
                       : owners[1] >= 0 && !used[owners[1]] ? owners[1]
                                                            : -1;
      if (next < 0) return;
      used[next] = true;
      edge = segments[next].from == edge ? segments[next].to : segments[next].from;
      chain.push_back(edge);
    }
  };
  std::vector<Polyline> lines;
  for (int s = 0; s < static_cast<int>(segments.size()); ++s) {
    if (used[s]) continue;
    used[s] = true;
    std::vector<int64_t> forward = {segments[s].from, segments[s].to};
    walk(segments[s].to, forward);
    Polyline line;
    if (forward.size() > 2 && forward.back() == forward.front()) {
      forward.pop_back();
      line.closed = true;
    } else {
      std::vector<int64_t> backward;
      walk(segments[s].from, backward);
      forward.insert(forward.begin(), backward.rbegin(), backward.rend());
    }
    for (int64_t edge : forward) line.points.push_back(crossing_point(grid, edge, level));
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

std::vector<Polyline> contour_lines(const SampledGrid& grid, double level) {
  std::vector<Segment> segments;
  for (int j = 0; j + 1 < grid.ny; ++j) {
    for (int i = 0; i + 1 < grid.nx; ++i) cell_segments(grid, i, j, level, segments);
  }
  return join_segments(grid, segments, level);
}

}  // namespace lv
