// Network parameters <-> safetensors tensors named as torch's nn.Sequential state_dict():
// "i.weight" [out, in] and "i.bias" [out], i counting every layer including activations, so a
// network built in PyTorch loads as is. Direction files (--dir-x/--dir-y) use the same names.
#pragma once

#include <string>
#include <vector>

#include "curvature/sharpness.hpp"
#include "files/safetensors.hpp"
#include "nn/mlp.hpp"

namespace lv {

std::vector<NamedTensor> parameters_to_tensors(const Mlp& mlp, const Vec& parameters);
// Throws InputError naming `source` and the missing, unexpected or mis-shaped tensor.
Vec parameters_from_tensors(const Mlp& mlp, const std::vector<NamedTensor>& tensors,
                            const std::string& source);

// The parameter vector's blocks under the same names, in order ("0.weight", "0.bias", ...): the
// per-layer curvature blocks.
std::vector<ParameterBlock> parameter_blocks(const Mlp& mlp);

Vec load_parameters(const Mlp& mlp, const std::string& path);
void save_parameters(const Mlp& mlp, const Vec& parameters, const std::string& path);

}  // namespace lv
