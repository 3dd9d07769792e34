// Small text helpers used when reporting errors and parsing user input.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lv {

// Levenshtein edit distance between two strings.
int edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` by edit distance, if it is close enough to be a plausible typo.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates);

// Parses a whole string as a finite or infinite double; nullopt on any trailing garbage.
std::optional<double> parse_double(std::string_view text);

// Parses a whole number in [min, max] ("12", "1e3" and "12.0" are whole; "1.5", "nan" and
// anything out of range are not). The range is checked before any conversion to int.
std::optional<int> parse_whole_number(std::string_view text, int min, int max);

// The text without leading and trailing spaces, tabs and carriage returns.
std::string trim(std::string_view text);

// Splits on a separator character, keeping empty fields.
std::vector<std::string> split(std::string_view text, char separator);

// Formats a double so that it reads back exactly (printf "%.17g").
std::string format_exact(double value);

// The shortest decimal text that reads back as exactly `value` (0.99, not 0.98999999999999999).
std::string format_shortest(double value);

// Six significant digits as people read them (printf "%g": 0.02, 1000, 1e-06), for messages and
// axis labels.
std::string format_general(double value);

// Typography for printed numbers: each minus sign ('-' at the start, after an exponent's 'e', a
// space or an opening parenthesis) as U+2212 "−", which is as wide as "+" and lines up in columns
// ("−0.5", "1e−05"). Hyphens inside words stay.
std::string with_minus_sign(std::string label);

}  // namespace lv
