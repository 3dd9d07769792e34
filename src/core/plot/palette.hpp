// The trajectory palette: the colours that tell runs apart, shared by the window and the exported
// figures, with the colour science that justifies them (WCAG contrast against a background and
// simulated colour-vision deficiencies), and a guard that makes any colour readable on a
// background.
#pragma once

#include <array>
#include <vector>

#include "plot/colormap.hpp"

namespace lv {

// Eight colours, in the order runs take them. Every one keeps a WCAG contrast ratio of at least
// 3:1 against both the dark theme (~#0f0f0f) and the light theme and paper (#f0f0f0, white), so
// their relative luminance sits between 0.13 and 0.25; and every pair stays at least 10 ΔE*ab
// apart for normal vision and for simulated protanopia, deuteranopia and tritanopia (Machado,
// Oliveira and Fernandes 2009, severity 1). Derived from Okabe and Ito's colour-blind-safe set
// (vermilion, blue, bluish green, reddish purple), darkened into that luminance band, plus four
// hues chosen by a greedy search over the same constraints (docs/gui.md).
const std::vector<Rgb>& trajectory_palette();
// trajectory_palette()[index mod 8].
Rgb palette_color(int index);

// WCAG 2 relative luminance of a gamma-encoded sRGB colour (0 black … 1 white).
double relative_luminance(const Rgb& color);
// WCAG 2 contrast ratio (1 … 21) between two colours.
double contrast_ratio(const Rgb& a, const Rgb& b);

enum class ColorVision { Normal, Protanopia, Deuteranopia, Tritanopia };
// The colour as a person with the given dichromacy sees it (Machado et al. 2009, severity 1.0,
// applied in linear RGB).
Rgb simulate_color_vision(const Rgb& color, ColorVision vision);
// CIE76 colour difference ΔE*ab.
double color_difference(const Rgb& a, const Rgb& b);

// `color` itself when it already has `minimum_ratio` contrast against `background`; otherwise the
// same hue darkened (on a light background) or lightened toward white (on a dark one) just enough
// to reach it. For user-chosen colours, so a legend or curve never disappears.
Rgb readable_on(const Rgb& color, const Rgb& background, double minimum_ratio = 3.0);

}  // namespace lv
