// The make_<name>() of every built-in test surface (one definition per file in this folder).
#pragma once

#include "functions/test_function.hpp"

namespace lv {

TestFunction make_quadratic();
TestFunction make_ravine();
TestFunction make_rosenbrock();
TestFunction make_himmelblau();
TestFunction make_beale();
TestFunction make_booth();
TestFunction make_matyas();
TestFunction make_three_hump_camel();
TestFunction make_six_hump_camel();
TestFunction make_goldstein_price();
TestFunction make_rastrigin();
TestFunction make_ackley();
TestFunction make_levi13();
TestFunction make_styblinski_tang();
TestFunction make_mccormick();
TestFunction make_easom();
TestFunction make_saddle();
TestFunction make_monkey_saddle();
TestFunction make_plateau();
TestFunction make_sharp_flat();
TestFunction make_noisy_bowl();

}  // namespace lv
