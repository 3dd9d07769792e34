// Looking up what the user named: a registry entry found by its name, and the one way every error
// about an unknown name suggests the closest known one ("unknown optimizer 'sdg' (did you mean
// 'sgd'?); see 'lossviz-cli list optimizers'"). See also closest_match (common/text.hpp).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lv {

// " (did you mean 'NAME'?)" for the candidate closest to `word`, or "" when no candidate is a
// plausible typo of it.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

// Throws InputError("unknown KIND 'NAME' (did you mean ...); see 'lossviz-cli list KINDs'").
[[noreturn]] void throw_unknown_name(std::string_view kind, std::string_view name,
                                     std::span<const std::string> known);

// The entry of `entries` (each with a `name` member) called `name`; an unknown name throws as
// throw_unknown_name(kind, ...) does.
template <typename Entry>
const Entry& find_by_name(const std::vector<Entry>& entries, std::string_view name,
                          std::string_view kind) {
  for (const Entry& entry : entries) {
    if (entry.name == name) return entry;
  }
  std::vector<std::string> known;
  for (const Entry& entry : entries) known.push_back(entry.name);
  throw_unknown_name(kind, name, known);
}

}  // namespace lv
