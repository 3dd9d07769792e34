#include "schedule/schedule.hpp"

namespace lv {

Schedule::Schedule(std::string name, std::vector<HyperParameter> descriptors)
    : name_(std::move(name)), hyperparameters_(std::move(descriptors)) {}

}  // namespace lv
