#include "params/hyperparameter.hpp"

#include <cmath>
#include <limits>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv {

HyperParameter real_parameter(std::string name, double default_value, double slider_min,
                              double slider_max, double valid_min, double valid_max, bool log_scale,
                              std::string help) {
  HyperParameter p;
  p.name = std::move(name);
  p.default_value = default_value;
  p.slider_min = slider_min;
  p.slider_max = slider_max;
  p.valid_min = valid_min;
  p.valid_max = valid_max;
  p.log_scale = log_scale;
  p.help = std::move(help);
  return p;
}

HyperParameter integer_parameter(std::string name, int default_value, int slider_min,
                                 int slider_max, int valid_min, int valid_max, std::string help) {
  HyperParameter p = real_parameter(std::move(name), default_value, slider_min, slider_max,
                                    valid_min, valid_max, false, std::move(help));
  p.kind = ParameterKind::Integer;
  return p;
}

HyperParameter boolean_parameter(std::string name, bool default_value, std::string help) {
  HyperParameter p = real_parameter(std::move(name), default_value ? 1.0 : 0.0, 0.0, 1.0, 0.0, 1.0,
                                    false, std::move(help));
  p.kind = ParameterKind::Boolean;
  return p;
}

HyperParameter choice_parameter(std::string name, std::vector<std::string> choices,
                                int default_index, std::string help) {
  const double last = static_cast<double>(choices.size()) - 1.0;
  HyperParameter p =
      real_parameter(std::move(name), default_index, 0.0, last, 0.0, last, false, std::move(help));
  p.kind = ParameterKind::Choice;
  p.choices = std::move(choices);
  return p;
}

HyperParameter list_parameter(std::string name, std::vector<double> default_list,
                              std::string help) {
  HyperParameter p;
  p.name = std::move(name);
  p.kind = ParameterKind::List;
  p.default_list = std::move(default_list);
  p.valid_min = -std::numeric_limits<double>::infinity();
  p.valid_max = std::numeric_limits<double>::infinity();
  p.help = std::move(help);
  return p;
}

double just_below_one() {
  return std::nextafter(1.0, 0.0);
}

HyperParameters::HyperParameters(std::vector<HyperParameter> descriptors)
    : descriptors_(std::move(descriptors)) {
  reset_to_defaults();
}

void HyperParameters::reset_to_defaults() {
  values_.clear();
  for (const HyperParameter& d : descriptors_) {
    values_.push_back(d.kind == ParameterKind::List ? d.default_list
                                                    : std::vector<double>{d.default_value});
  }
}

int HyperParameters::index_of(std::string_view name) const {
  for (size_t i = 0; i < descriptors_.size(); ++i) {
    if (descriptors_[i].name == name) return static_cast<int>(i);
  }
  std::vector<std::string> names;
  for (const HyperParameter& d : descriptors_) names.push_back(d.name);
  std::string message = "unknown hyperparameter '" + std::string(name) + "'";
  if (const auto suggestion = closest_match(name, names)) {
    message += " (did you mean '" + *suggestion + "'?)";
  } else {
    std::string all;
    for (const std::string& n : names) all += (all.empty() ? "" : ", ") + n;
    message += " (known: " + (all.empty() ? std::string("none") : all) + ")";
  }
  throw InputError(message);
}

bool HyperParameters::has(std::string_view name) const {
  for (const HyperParameter& d : descriptors_) {
    if (d.name == name) return true;
  }
  return false;
}

const HyperParameter& HyperParameters::descriptor(std::string_view name) const {
  return descriptors_[index_of(name)];
}

double HyperParameters::get(std::string_view name) const {
  const std::vector<double>& value = values_[index_of(name)];
  return value.empty() ? 0.0 : value.front();
}

const std::string& HyperParameters::choice(std::string_view name) const {
  const int index = index_of(name);
  return descriptors_[index].choices.at(static_cast<size_t>(values_[index].front()));
}

const std::vector<double>& HyperParameters::list(std::string_view name) const {
  return values_[index_of(name)];
}

void HyperParameters::set(std::string_view name, double value) {
  const int index = index_of(name);
  const HyperParameter& d = descriptors_[index];
  if (d.kind == ParameterKind::List) {
    set_list(name, {value});
    return;
  }
  if (!std::isfinite(value) || value < d.valid_min || value > d.valid_max) {
    const std::string upper =
        d.valid_max == just_below_one() ? std::string("1)") : format_exact(d.valid_max) + "]";
    throw InputError("invalid value " + format_exact(value) + " for '" + d.name +
                     "': must be in [" + format_exact(d.valid_min) + ", " + upper);
  }
  if (d.kind != ParameterKind::Real && value != std::round(value)) {
    throw InputError("invalid value " + format_exact(value) + " for '" + d.name +
                     "': must be a whole number");
  }
  values_[index] = {value};
}

void HyperParameters::set_list(std::string_view name, std::vector<double> values) {
  const int index = index_of(name);
  for (double value : values) {
    if (!std::isfinite(value)) {
      throw InputError("invalid list value for '" + std::string(name) + "': not a finite number");
    }
  }
  values_[index] = std::move(values);
}

void HyperParameters::set_from_assignments(const std::vector<std::string>& assignments,
                                           const std::string& context) {
  for (const std::string& assignment : assignments) {
    const size_t equals = assignment.find('=');
    if (equals == std::string::npos) {
      throw InputError(context + ": expected k=v, got '" + assignment + "'");
    }
    try {
      set_from_text(assignment.substr(0, equals), assignment.substr(equals + 1));
    } catch (const InputError& error) {
      throw InputError(context + ": " + error.what());
    }
  }
}

void HyperParameters::set_from_text(std::string_view name, std::string_view text) {
  const HyperParameter& d = descriptors_[index_of(name)];
  switch (d.kind) {
    case ParameterKind::Boolean:
      if (text == "true" || text == "1") return set(name, 1.0);
      if (text == "false" || text == "0") return set(name, 0.0);
      throw InputError("invalid value '" + std::string(text) + "' for '" + d.name +
                       "': expected true or false");
    case ParameterKind::Choice:
      for (size_t i = 0; i < d.choices.size(); ++i) {
        if (d.choices[i] == text) return set(name, static_cast<double>(i));
      }
      {
        std::string all;
        for (const std::string& c : d.choices) all += (all.empty() ? "" : ", ") + c;
        throw InputError("invalid value '" + std::string(text) + "' for '" + d.name +
                         "': expected one of " + all);
      }
    case ParameterKind::List: {
      std::vector<double> values;
      for (const std::string& field : split(text, ',')) {
        const auto number = parse_double(field);
        if (!number) {
          throw InputError("invalid list '" + std::string(text) + "' for '" + d.name + "': '" +
                           field + "' is not a number");
        }
        values.push_back(*number);
      }
      return set_list(name, std::move(values));
    }
    case ParameterKind::Real:
    case ParameterKind::Integer: {
      const auto number = parse_double(text);
      if (!number) {
        throw InputError("invalid value '" + std::string(text) + "' for '" + d.name +
                         "': not a number");
      }
      return set(name, *number);
    }
  }
}

std::string HyperParameters::to_text(std::string_view name) const {
  const int index = index_of(name);
  const HyperParameter& d = descriptors_[index];
  const std::vector<double>& value = values_[index];
  switch (d.kind) {
    case ParameterKind::Boolean:
      return value.front() != 0.0 ? "true" : "false";
    case ParameterKind::Choice:
      return d.choices.at(static_cast<size_t>(value.front()));
    case ParameterKind::List: {
      std::string text;
      for (double v : value) text += (text.empty() ? "" : ",") + format_shortest(v);
      return text;
    }
    default:
      return format_shortest(value.front());
  }
}

}  // namespace lv
