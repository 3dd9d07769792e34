// Model spec JSON: widths and parameter counts beyond the limits, negative or wrapping sizes are
// InputErrors naming the layer before anything is allocated; a normal spec parses as written.
#include <doctest/doctest.h>

#include <string>

#include "common/errors.hpp"
#include "nn/model_spec.hpp"

namespace {

std::string error_of(const std::string& json) {
  try {
    (void)lv::parse_model_spec(json, "spec.json");
  } catch (const lv::InputError& error) {
    return error.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a 2-16-3 tanh spec parses as written") {
  const lv::ModelSpec spec =
      lv::parse_model_spec(R"({"layers":[{"type":"linear","in":2,"out":16},{"type":"tanh"},)"
                           R"({"type":"linear","in":16,"out":3}],"loss":"mse"})",
                           "spec.json");
  CHECK(spec.input_size() == 2);
  CHECK(spec.output_size() == 3);
  CHECK(spec.loss == lv::LossType::Mse);
}

TEST_CASE("sizes beyond 32 bits, beyond the width limit, negative or zero are named errors") {
  // 4294967300 = 2^32 + 4 used to wrap to 4.
  CHECK(contains(error_of(R"({"layers":[{"type":"linear","in":2,"out":4294967300}]})"),
                 "spec.json: layers[0]: \"out\" = 4294967300 is larger than the limit"));
  CHECK(contains(error_of(R"({"layers":[{"type":"linear","in":2,"out":3000000000}]})"),
                 "larger than the limit"));
  CHECK(contains(error_of(R"({"layers":[{"type":"linear","in":-2,"out":4}]})"),
                 "positive integer \"in\""));
  CHECK(contains(error_of(R"({"layers":[{"type":"linear","in":0,"out":4}]})"),
                 "positive integer \"in\""));
  CHECK(contains(error_of(R"({"layers":[{"type":"linear","in":1.5,"out":4}]})"),
                 "positive integer \"in\""));
}

TEST_CASE("a parameter count beyond the limit is refused before allocation") {
  // 2·100000 + 100000 + 100000² + 100000 parameters.
  CHECK(contains(error_of(R"({"layers":[{"type":"linear","in":2,"out":100000},)"
                          R"({"type":"linear","in":100000,"out":100000}]})"),
                 "parameters, more than the limit of 50000000"));
}

TEST_CASE("a number too large for a double is an invalid-JSON error, not an escaping exception") {
  // nlohmann::json reports overflow as out_of_range, not parse_error (found by fuzz_model_spec).
  CHECK(contains(error_of(R"({"layers":[{"type":"linear","in":2,"out":1e99999}]})"),
                 "spec.json: invalid JSON"));
}
