#include "nn/hessian_directions.hpp"

#include "common/errors.hpp"
#include "nn/network_objective.hpp"

namespace lv {

namespace {

Vec with_fixed_sign(Vec vector) {
  Eigen::Index largest = 0;
  vector.cwiseAbs().maxCoeff(&largest);
  if (vector[largest] < 0) vector = -vector;
  return vector;
}

}  // namespace

HessianDirections hessian_directions(const Mlp& mlp, const Dataset& data, const Vec& weights,
                                     int count) {
  if (count != 1 && count != 2)
    throw InputError("Hessian directions: count must be 1 or 2, got " + std::to_string(count));
  const NetworkObjective objective(mlp, data);
  const TopEigenResult top = top_hessian_eigenvalues(objective, weights, count);
  HessianDirections directions;
  directions.status = top.status;
  directions.hessian_vector_products = top.hessian_vector_products;
  directions.dx = with_fixed_sign(top.vectors.col(0));
  directions.lambda_x = top.values[0];
  if (count == 2) {
    directions.dy = with_fixed_sign(top.vectors.col(1));
    directions.lambda_y = top.values[1];
  }
  return directions;
}

}  // namespace lv
