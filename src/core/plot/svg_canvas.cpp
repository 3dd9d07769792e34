#include "plot/svg_canvas.hpp"

#include "plot/cairo_canvas.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lv {

namespace {

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

std::string hex_color(const Color& color) {
  auto channel = [](double c) {
    return static_cast<int>(std::lround(std::clamp(c, 0.0, 1.0) * 255.0));
  };
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", channel(color.r), channel(color.g),
                channel(color.b));
  return buffer;
}

std::string paint(const char* attribute, const Color& color) {
  std::string out = std::string(" ") + attribute + "=\"" + hex_color(color) + "\"";
  if (color.a < 1.0) out += std::string(" ") + attribute + "-opacity=\"" + number(color.a) + "\"";
  return out;
}

std::string stroke_attributes(const Stroke& stroke) {
  std::string out = paint("stroke", stroke.color) + " stroke-width=\"" + number(stroke.width) +
                    "\" stroke-linejoin=\"round\" stroke-linecap=\"round\"";
  if (!stroke.dash.empty()) {
    out += " stroke-dasharray=\"";
    for (size_t i = 0; i < stroke.dash.size(); ++i) out += (i ? "," : "") + number(stroke.dash[i]);
    out += "\"";
  }
  return out;
}

std::string path_data(const std::vector<Point>& points, bool closed) {
  std::string data;
  for (size_t i = 0; i < points.size(); ++i) {
    data += (i == 0 ? "M" : "L") + number(points[i][0]) + " " + number(points[i][1]);
  }
  if (closed) data += "Z";
  return data;
}

std::string escape_xml(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string base64(const std::string& bytes) {
  static constexpr char k_alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const size_t available = std::min<size_t>(3, bytes.size() - i);
    uint32_t group = 0;
    for (size_t k = 0; k < 3; ++k) {
      group = (group << 8) | (k < available ? static_cast<uint8_t>(bytes[i + k]) : 0u);
    }
    for (size_t k = 0; k < 4; ++k) {
      out += k <= available ? k_alphabet[(group >> (18 - 6 * k)) & 63] : '=';
    }
  }
  return out;
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string encode_png(const RgbaImage& image) {
  cairo_surface_t* surface = image_surface(image);
  std::string bytes;
  cairo_surface_write_to_png_stream(surface, append_to_string, &bytes);
  cairo_surface_destroy(surface);
  return bytes;
}

SvgCanvas::SvgCanvas(double width_points, double height_points)
    : width_(width_points), height_(height_points) {}

void SvgCanvas::polyline(const std::vector<Point>& points, bool closed, const Stroke& stroke) {
  if (points.size() < 2) return;
  body_ += "<path d=\"" + path_data(points, closed) + "\" fill=\"none\"" +
           stroke_attributes(stroke) + "/>\n";
}

void SvgCanvas::fill_polygon(const std::vector<Point>& points, const Color& fill) {
  if (points.size() < 3) return;
  body_ += "<path d=\"" + path_data(points, true) + "\"" + paint("fill", fill) + "/>\n";
}

void SvgCanvas::circle(const Point& centre, double radius, const Color& fill,
                       const Stroke& stroke) {
  body_ += "<circle cx=\"" + number(centre[0]) + "\" cy=\"" + number(centre[1]) + "\" r=\"" +
           number(radius) + "\"" +
           (fill.a > 0.0 ? paint("fill", fill) : std::string(" fill=\"none\"")) +
           (stroke.width > 0.0 ? stroke_attributes(stroke) : std::string()) + "/>\n";
}

void SvgCanvas::text(const Point& anchor, const std::string& text, const TextStyle& style) {
  static const char* const k_anchor[] = {"start", "middle", "end"};
  const double baseline = baseline_offset(style.vertical, style.size);
  // Rotation about the anchor: place the text at the unrotated offset, then rotate the group.
  body_ += "<text x=\"" + number(anchor[0]) + "\" y=\"" + number(anchor[1] + baseline) +
           "\" font-family=\"" + k_figure_font + ", Arial, Helvetica, sans-serif\" font-size=\"" +
           number(style.size) + "\"" + (style.bold ? " font-weight=\"bold\"" : "") +
           " text-anchor=\"" + k_anchor[static_cast<int>(style.horizontal)] + "\"" +
           paint("fill", style.color);
  if (style.angle_degrees != 0.0) {
    body_ += " transform=\"rotate(" + number(-style.angle_degrees) + " " + number(anchor[0]) + " " +
             number(anchor[1]) + ")\"";
  }
  body_ += ">" + escape_xml(text) + "</text>\n";
}

void SvgCanvas::image(double x, double y, double width, double height, const RgbaImage& image) {
  body_ += "<image x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(width) +
           "\" height=\"" + number(height) +
           "\" preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64," +
           base64(encode_png(image)) + "\"/>\n";
}

void SvgCanvas::push_clip(double x, double y, double width, double height) {
  const std::string id = "clip" + std::to_string(++clip_count_);
  definitions_ += "<clipPath id=\"" + id + "\"><rect x=\"" + number(x) + "\" y=\"" + number(y) +
                  "\" width=\"" + number(width) + "\" height=\"" + number(height) +
                  "\"/></clipPath>\n";
  body_ += "<g clip-path=\"url(#" + id + ")\">\n";
  ++open_groups_;
}

// Clip groups and named groups are both <g> elements closed in nesting order.
void SvgCanvas::pop_clip() {
  if (open_groups_ == 0) return;
  body_ += "</g>\n";
  --open_groups_;
}

void SvgCanvas::begin_group(const std::string& name) {
  body_ += "<g class=\"" + escape_xml(name) + "\">\n";
  ++open_groups_;
}

void SvgCanvas::end_group() {
  pop_clip();
}

std::string SvgCanvas::document() const {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out +=
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
      "version=\"1.1\" width=\"" +
      number(width_) + "pt\" height=\"" + number(height_) + "pt\" viewBox=\"0 0 " + number(width_) +
      " " + number(height_) + "\">\n";
  if (!definitions_.empty()) out += "<defs>\n" + definitions_ + "</defs>\n";
  out += body_;
  for (int i = 0; i < open_groups_; ++i) out += "</g>\n";
  out += "</svg>\n";
  return out;
}

}  // namespace lv
