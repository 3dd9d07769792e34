// Maps surface values to [0, 1] for colouring and places contour levels, linearly or in log
// space. The same scale drives the heatmap colours, the contour levels and the colorbar ticks,
// so a level line always sits where its colour band changes.
#pragma once

#include <vector>

#include "plot/nice_ticks.hpp"

namespace lv {

class ValueScale {
 public:
  // Linear over [low, high].
  static ValueScale linear(double low, double high);
  // Logarithmic over [low, high]. Values at or below zero cannot be shown on a log axis, so the
  // scale starts at max(low, 1e-5·high) (values below saturate to the first colour). A surface
  // with negative values has no meaningful log scale: the scale stays linear then.
  static ValueScale logarithmic(double low, double high);
  // Linear and symmetric about zero, for diverging colormaps: [−m, m] with m = max(|low|, |high|).
  static ValueScale symmetric(double low, double high);

  bool is_log() const { return log_; }
  double low() const { return low_; }
  double high() const { return high_; }
  // Position of `value` in [0, 1] (clamped; NaN stays NaN).
  double normalized(double value) const;
  // Inverse of normalized() for t in [0, 1].
  double value_at(double t) const;
  // About `count` contour levels strictly between low and high, at readable values: nice numbers
  // on a linear scale, 1-2-5 style mantissas per decade on a log scale.
  std::vector<double> levels(int count) const;
  // Colorbar ticks (values inside [low, high]).
  Ticks ticks() const;

 private:
  double transform(double value) const;
  std::vector<double> log_levels(int count) const;

  bool log_ = false;
  double low_ = 0.0, high_ = 1.0;
};

// The default colour scale for a surface sampled at `values` (non-finite ones are ignored): log
// when the values above the minimum span two decades or more between their 10th and 98th
// percentile, as Rosenbrock's valley and walls do (a linear scale shows its valley as one flat
// band); linear for bowls, Rastrigin's egg crate and other surfaces whose values are spread
// evenly. The window and `lossviz-cli plot` use it unless the user chose a scale.
bool prefers_log_scale(std::vector<double> values);

}  // namespace lv
