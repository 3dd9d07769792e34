// lv::Objective: what every optimizer and curvature tool works on. Test surfaces (formulas) and
// neural networks both implement it.
#pragma once

#include "common/types.hpp"

namespace lv {

class Objective {
 public:
  virtual ~Objective() = default;

  virtual int dim() const = 0;
  virtual double value(const Vec& x) const = 0;
  // Returns f(x) and writes ∇f(x) into `gradient` (resized to dim()).
  virtual double value_gradient(const Vec& x, Vec& gradient) const = 0;
  // Dense Hessian; only meaningful for small dim() (see has_dense_hessian()).
  virtual Mat hessian(const Vec& x) const;
  // Hessian-vector product H(x) v. Works for every dim(); the default uses hessian().
  virtual Vec hvp(const Vec& x, const Vec& v) const;
  virtual bool has_dense_hessian() const { return true; }

  Vec gradient(const Vec& x) const {
    Vec g;
    value_gradient(x, g);
    return g;
  }
};

}  // namespace lv
