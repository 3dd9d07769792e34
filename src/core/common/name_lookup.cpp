#include "common/name_lookup.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"

namespace lv {

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
  const auto suggestion = closest_match(word, candidates);
  return suggestion ? " (did you mean '" + *suggestion + "'?)" : std::string();
}

void throw_unknown_name(std::string_view kind, std::string_view name,
                        std::span<const std::string> known) {
  throw InputError("unknown " + std::string(kind) + " '" + std::string(name) + "'" +
                   did_you_mean(name, known) + "; see 'lossviz-cli list " + std::string(kind) +
                   "s'");
}

}  // namespace lv
