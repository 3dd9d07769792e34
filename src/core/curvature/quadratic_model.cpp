#include "curvature/quadratic_model.hpp"

#include <algorithm>
#include <cmath>

#include "curvature/hessian_eigen.hpp"

namespace lv {
namespace {

constexpr double k_pi = 3.14159265358979323846;

// The model in the Hessian's eigenbasis: d = u₀q₀ + u₁q₁, |d| = |u|.
struct EigenFrame {
  double lambda[2];
  Vec q[2];
  double gamma[2];  // qᵢᵀg
  bool zero[2];     // |λᵢ| negligible next to the larger one
};

EigenFrame eigen_frame(const Vec& gradient, const Mat& hessian) {
  const HessianEigen2 eigen = symmetric_eigen_2x2(hessian);
  EigenFrame frame{{eigen.lambda_min, eigen.lambda_max}, {eigen.v_min, eigen.v_max}, {}, {}};
  const double scale = std::max(std::abs(frame.lambda[0]), std::abs(frame.lambda[1]));
  for (int i = 0; i < 2; ++i) {
    frame.gamma[i] = frame.q[i].dot(gradient);
    frame.zero[i] = std::abs(frame.lambda[i]) <= 1e-9 * scale || scale == 0.0;
  }
  return frame;
}

// The parameter t where the segment a → b meets the circle |d| = radius, entering (−) or leaving
// (+) the disc.
Vec circle_crossing(const Vec& a, const Vec& b, double radius, bool leaving) {
  const Vec e = b - a;
  const double ee = e.squaredNorm(), ae = a.dot(e);
  const double root = std::sqrt(std::max(ae * ae - ee * (a.squaredNorm() - radius * radius), 0.0));
  const double t = ee > 0.0 ? std::clamp((-ae + (leaving ? root : -root)) / ee, 0.0, 1.0) : 0.0;
  return a + t * e;
}

// Appends the parts of `points` inside the disc as separate polylines, ending each exactly on the
// circle. A closed curve is walked from a point outside, so no piece is split at the seam.
void add_clipped(std::vector<Polyline2>& out, std::vector<Vec> points, double radius, bool closed) {
  const auto inside = [&](const Vec& d) { return d.norm() <= radius; };
  if (closed && !points.empty()) {
    const auto outside =
        std::find_if(points.begin(), points.end(), [&](const Vec& d) { return !inside(d); });
    if (outside == points.end()) {
      points.push_back(points.front());
      out.push_back(std::move(points));
      return;
    }
    std::rotate(points.begin(), outside, points.end());
    points.push_back(points.front());
  }
  Polyline2 piece;
  for (size_t i = 0; i < points.size(); ++i) {
    const bool in = inside(points[i]);
    if (i > 0 && in != inside(points[i - 1])) {
      piece.push_back(circle_crossing(points[i - 1], points[i], radius, !in));
      if (!in) {
        if (piece.size() >= 2) out.push_back(std::move(piece));
        piece.clear();
      }
    }
    if (in) piece.push_back(points[i]);
  }
  if (piece.size() >= 2) out.push_back(std::move(piece));
}

}  // namespace

std::vector<Polyline2> quadratic_model_level_set(const Vec& gradient, const Mat& hessian,
                                                 double level, double radius, int samples) {
  std::vector<Polyline2> out;
  if (!(radius > 0.0) || !std::isfinite(level) || !gradient.allFinite() || !hessian.allFinite()) {
    return out;
  }
  samples = std::max(samples, 8);
  const EigenFrame f = eigen_frame(gradient, hessian);
  const auto point = [&](double u0, double u1) -> Vec { return u0 * f.q[0] + u1 * f.q[1]; };
  const auto line = [&](const Vec& through, const Vec& direction, double half_length) {
    std::vector<Vec> points;
    for (int k = 0; k <= samples; ++k) {
      points.push_back(through + (half_length * (2.0 * k / samples - 1.0)) * direction);
    }
    add_clipped(out, std::move(points), radius, false);
  };

  if (f.zero[0] && f.zero[1]) {  // a plane: the line gᵀd = level
    const double norm = gradient.norm();
    if (!(norm > 0.0)) return out;
    const Vec foot = (level / (norm * norm)) * gradient;
    Vec along(2);
    along << -gradient[1] / norm, gradient[0] / norm;
    line(foot, along, radius + foot.norm());
    return out;
  }
  if (f.zero[0] || f.zero[1]) {  // a cylinder: γz·uz + γn·un + ½λn·un² = level
    const int z = f.zero[0] ? 0 : 1, n = 1 - z;
    const double lambda = f.lambda[n];
    const double tiny = 1e-12 * (gradient.norm() + std::abs(lambda) * radius);
    if (std::abs(f.gamma[z]) > tiny) {  // a parabola over un ∈ [−radius, radius]
      std::vector<Vec> points;
      for (int k = 0; k <= 2 * samples; ++k) {
        const double un = radius * (static_cast<double>(k) / samples - 1.0);
        const double uz = (level - f.gamma[n] * un - 0.5 * lambda * un * un) / f.gamma[z];
        points.push_back(z == 0 ? point(uz, un) : point(un, uz));
      }
      add_clipped(out, std::move(points), radius, false);
      return out;
    }
    const double discriminant = f.gamma[n] * f.gamma[n] + 2.0 * lambda * level;
    if (discriminant < 0.0) return out;
    for (const double sign : {-1.0, 1.0}) {  // two lines along q_z (one when they coincide)
      const double un = (-f.gamma[n] + sign * std::sqrt(discriminant)) / lambda;
      line(un * f.q[n], f.q[z], radius);
      if (discriminant == 0.0) break;
    }
    return out;
  }

  // Both curvatures nonzero: Σ ½λᵢvᵢ² = K with vᵢ = uᵢ − cᵢ, cᵢ = −γᵢ/λᵢ the Newton point.
  const double center[2] = {-f.gamma[0] / f.lambda[0], -f.gamma[1] / f.lambda[1]};
  const double shift =
      0.5 * (f.gamma[0] * f.gamma[0] / f.lambda[0] + f.gamma[1] * f.gamma[1] / f.lambda[1]);
  const double k_level = level + shift;
  const double reach = radius + std::hypot(center[0], center[1]);  // |v| of any point drawn
  const Vec newton_point = point(center[0], center[1]);
  if (f.lambda[0] * f.lambda[1] > 0.0) {  // definite: an ellipse (or nothing)
    if (!(k_level / f.lambda[0] > 0.0)) return out;
    const double a0 = std::sqrt(2.0 * k_level / f.lambda[0]);
    const double a1 = std::sqrt(2.0 * k_level / f.lambda[1]);
    std::vector<Vec> points;
    for (int k = 0; k < samples; ++k) {
      const double t = 2.0 * k_pi * k / samples;
      points.push_back(newton_point + point(a0 * std::cos(t), a1 * std::sin(t)));
    }
    add_clipped(out, std::move(points), radius, true);
    return out;
  }
  // Indefinite: λ₀ < 0 < λ₁.
  if (std::abs(k_level) <= 1e-12 * (std::abs(level) + std::abs(shift))) {  // the asymptotes
    const double slope = std::sqrt(-f.lambda[0] / f.lambda[1]);
    for (const double sign : {-1.0, 1.0}) {
      line(newton_point, point(1.0, sign * slope).normalized(), reach);
    }
    return out;
  }
  // v_p = ±a_p cosh s, v_q = a_q sinh s, with p the axis whose λ has K's sign.
  const int p = k_level * f.lambda[0] > 0.0 ? 0 : 1, q = 1 - p;
  const double a_p = std::sqrt(2.0 * k_level / f.lambda[p]);
  const double a_q = std::sqrt(-2.0 * k_level / f.lambda[q]);
  const double extent = std::asinh(reach / std::min(a_p, a_q)) + 0.1;
  for (const double sign : {-1.0, 1.0}) {
    std::vector<Vec> points;
    for (int k = 0; k <= 2 * samples; ++k) {
      const double s = extent * (static_cast<double>(k) / samples - 1.0);
      double v[2];
      v[p] = sign * a_p * std::cosh(s);
      v[q] = a_q * std::sinh(s);
      points.push_back(newton_point + point(v[0], v[1]));
    }
    add_clipped(out, std::move(points), radius, false);
  }
  return out;
}

double quadratic_model_display_level(const Vec& gradient, const Mat& hessian, double min_size) {
  if (!gradient.allFinite() || !hessian.allFinite()) return 0.0;
  const EigenFrame f = eigen_frame(gradient, hessian);
  if (f.zero[0] || f.zero[1] || f.lambda[0] * f.lambda[1] <= 0.0) return 0.0;
  const double shift =
      0.5 * (f.gamma[0] * f.gamma[0] / f.lambda[0] + f.gamma[1] * f.gamma[1] / f.lambda[1]);
  // The flatter direction (smaller |λ|) has the larger semi-axis √(2K/λ).
  const double flat = std::abs(f.lambda[0]) < std::abs(f.lambda[1]) ? f.lambda[0] : f.lambda[1];
  const double semi_axis = std::sqrt(std::max(2.0 * shift / flat, 0.0));
  if (semi_axis >= min_size) return 0.0;
  return 0.5 * flat * min_size * min_size - shift;
}

}  // namespace lv
