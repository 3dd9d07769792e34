// The make_<name>() of every built-in test surface (one definition per file in this folder).
#pragma once

#include "functions/test_function.hpp"

namespace lv {

TestFunction make_quadratic();
TestFunction make_rosenbrock();

}  // namespace lv
