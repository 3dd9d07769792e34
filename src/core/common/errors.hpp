// Error types. Bad user input (a formula, a flag, a file) throws InputError with a message that
// names what is wrong and where; the CLI prints it as one line and exits 2, the GUI shows it
// beside the input. Numerical failure is never an exception: it is a status in the result.
#pragma once

#include <stdexcept>
#include <string>

namespace lv {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace lv
