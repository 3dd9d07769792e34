// Numeric vocabulary shared by every core module: dynamic Eigen vectors and matrices.
#pragma once

#include <Eigen/Core>

namespace lv {

using Vec = Eigen::VectorXd;
using Mat = Eigen::MatrixXd;

}  // namespace lv
