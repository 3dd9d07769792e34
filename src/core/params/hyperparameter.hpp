// Hyperparameters as data: one descriptor (name, default, ranges, scale, help) per setting,
// shared by the CLI (--set), the GUI sliders, scenes and tests, so no component re-lists them.
// Optimizers and schedules both hold a HyperParameters set.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lv {

enum class ParameterKind {
  Real,     // any double in [valid_min, valid_max]
  Integer,  // a whole number in range
  Boolean,  // 0 or 1; text "true"/"false"
  Choice,   // index into `choices`; text is the choice's name
  List,     // a comma-separated list of numbers (e.g. milestones=100,200)
};

struct HyperParameter {
  std::string name;  // user-facing key, PyTorch's argument name ("lr", "beta1", "T_max")
  double default_value = 0.0;
  double slider_min = 0.0;  // range a slider spans (default: a sensible teaching range)
  double slider_max = 1.0;
  double valid_min = 0.0;  // hard bounds; set() rejects values outside (inclusive)
  double valid_max = 1.0;
  bool log_scale = false;  // slider moves in log space
  ParameterKind kind = ParameterKind::Real;
  std::string help;
  std::vector<std::string> choices;       // Choice only
  std::vector<double> default_list = {};  // List only
  // A main setting that a fair comparison tunes (over the slider range, in log space when
  // log_scale) rather than leaving at its default. "lr" is always tuned.
  bool tunable = false;
};

// Convenience constructors so descriptor tables read as one line per setting.
HyperParameter real_parameter(std::string name, double default_value, double slider_min,
                              double slider_max, double valid_min, double valid_max, bool log_scale,
                              std::string help);
HyperParameter integer_parameter(std::string name, int default_value, int slider_min,
                                 int slider_max, int valid_min, int valid_max, std::string help);
HyperParameter boolean_parameter(std::string name, bool default_value, std::string help);
HyperParameter choice_parameter(std::string name, std::vector<std::string> choices,
                                int default_index, std::string help);
HyperParameter list_parameter(std::string name, std::vector<double> default_list, std::string help);

// The largest double below 1: a bound for "beta < 1" written as an inclusive maximum.
double just_below_one();

class HyperParameters {
 public:
  HyperParameters() = default;
  explicit HyperParameters(std::vector<HyperParameter> descriptors);

  const std::vector<HyperParameter>& descriptors() const { return descriptors_; }
  bool has(std::string_view name) const;
  const HyperParameter& descriptor(std::string_view name) const;

  double get(std::string_view name) const;
  bool flag(std::string_view name) const { return get(name) != 0.0; }
  int integer(std::string_view name) const { return static_cast<int>(get(name)); }
  const std::string& choice(std::string_view name) const;
  const std::vector<double>& list(std::string_view name) const;

  // Validated setters; throw InputError naming the parameter, the bad value and the valid range
  // (an unknown name is reported with the closest known one).
  void set(std::string_view name, double value);
  void set_list(std::string_view name, std::vector<double> values);
  // Parses text as the parameter's kind: numbers, true/false, a choice name, a list "1,2,3".
  void set_from_text(std::string_view name, std::string_view text);
  // Applies "name=value" assignments in order (set_from_text); errors name `context`, e.g.
  // "data 'moons:n=x': ...", and an assignment without '=' is "expected k=v".
  void set_from_assignments(const std::vector<std::string>& assignments,
                            const std::string& context);
  // The value as text that set_from_text() reads back.
  std::string to_text(std::string_view name) const;

  void reset_to_defaults();

 private:
  int index_of(std::string_view name) const;  // throws InputError for an unknown name

  std::vector<HyperParameter> descriptors_;
  std::vector<std::vector<double>> values_;
};

}  // namespace lv
