#include "expr/lowering.hpp"

#include <algorithm>

#include "expr/program.hpp"

namespace lv {

namespace {

// One forward pass decides, per instruction, which kernel it becomes and which earlier
// instruction it absorbs. An instruction can be absorbed only if its register is read exactly
// once (by the absorbing instruction) and is not the output; an instruction that already absorbed
// another is never absorbed itself, so every fused kernel reads only registers that are written.
class Lowering {
 public:
  Lowering(std::span<const Instruction> code, int first_register, const std::vector<bool>& depends,
           int output)
      : code_(code),
        first_register_(first_register),
        depends_(depends),
        output_(output),
        uses_(depends.size(), 0),
        absorbed_(code.size(), false),
        fused_(code.size(), false),
        lowered_(code.size()) {
    for (const Instruction& instruction : code_) {
      if (instruction.a >= 0) ++uses_[instruction.a];
      if (instruction.b >= 0) ++uses_[instruction.b];
    }
    ++uses_[output_];
  }

  std::vector<LoweredInstruction> run() {
    for (size_t i = 0; i < code_.size(); ++i) lowered_[i] = lower_one(i);
    std::vector<LoweredInstruction> stream;
    for (size_t i = 0; i < code_.size(); ++i) {
      if (!absorbed_[i]) stream.push_back(lowered_[i]);
    }
    return stream;
  }

 private:
  LoweredInstruction lower_one(size_t i) {
    const Instruction& instruction = code_[i];
    const int out = first_register_ + static_cast<int>(i);
    LoweredInstruction lowered{Kernel::Generic,
                               instruction.op,
                               out,
                               std::max(instruction.a, 0),
                               std::max(instruction.b, 0),
                               0,
                               instruction.k};
    if (!depends_[out]) {
      lowered.kernel = Kernel::Invariant;
      return lowered;
    }
    switch (instruction.op) {
      case Op::Add:
        return lower_add(lowered);
      case Op::Sub:
        lowered.kernel = Kernel::Sub;
        return lowered;
      case Op::Mul:
        return lower_mul(lowered);
      case Op::Square:
        return lower_square(lowered);
      case Op::AddConst:
        lowered.kernel = Kernel::AddConst;
        return lowered;
      case Op::MulConst:
        lowered.kernel = Kernel::MulConst;
        return lowered;
      case Op::SubFromConst:
        lowered.kernel = Kernel::SubFromConst;
        return lowered;
      case Op::Neg:
        lowered.kernel = Kernel::Neg;
        return lowered;
      default:
        return lowered;
    }
  }

  // The instruction writing `reg` if this consumer may absorb it and it computes `op`.
  const Instruction* absorbable(int reg, Op op) const {
    if (reg < first_register_ || reg == output_ || uses_[reg] != 1) return nullptr;
    const size_t index = static_cast<size_t>(reg - first_register_);
    if (fused_[index] || code_[index].op != op) return nullptr;
    return &code_[index];
  }
  void absorb(int reg, LoweredInstruction& consumer) {
    absorbed_[static_cast<size_t>(reg - first_register_)] = true;
    fused_[static_cast<size_t>(consumer.out - first_register_)] = true;
  }

  LoweredInstruction lower_square(LoweredInstruction lowered) {
    lowered.kernel = Kernel::Square;
    const int operand = lowered.a;
    if (const Instruction* sub = absorbable(operand, Op::Sub)) {
      lowered = {Kernel::SquareOfSub, lowered.op, lowered.out, sub->a, sub->b, 0, 0.0};
    } else if (const Instruction* add = absorbable(operand, Op::AddConst)) {
      lowered = {Kernel::SquareOfAddConst, lowered.op, lowered.out, add->a, 0, 0, add->k};
    } else if (const Instruction* from = absorbable(operand, Op::SubFromConst)) {
      lowered = {Kernel::SquareOfAddConst, lowered.op, lowered.out, from->a, 0, 0, -from->k};
    } else {
      return lowered;
    }
    absorb(operand, lowered);
    return lowered;
  }

  // Multiplication commutes exactly, so the operand free of the variables can go first.
  LoweredInstruction lower_mul(LoweredInstruction lowered) {
    lowered.kernel = Kernel::Mul;
    if (!depends_[lowered.a]) {
      lowered.kernel = Kernel::ScaleBy;
    } else if (!depends_[lowered.b]) {
      lowered.kernel = Kernel::ScaleBy;
      std::swap(lowered.a, lowered.b);
    }
    return lowered;
  }

  // Addition commutes exactly, so either operand may be the absorbed product or square.
  LoweredInstruction lower_add(LoweredInstruction lowered) {
    lowered.kernel = Kernel::Add;
    for (const auto& [term, rest] : {std::pair{lowered.a, lowered.b}, {lowered.b, lowered.a}}) {
      LoweredInstruction fused = lowered;
      if (const Instruction* mul = absorbable(term, Op::Mul)) {
        fused = {Kernel::MulAdd, lowered.op, lowered.out, mul->a, mul->b, rest, 0.0};
        if (!depends_[mul->a]) {
          fused.kernel = Kernel::ScaleAdd;
        } else if (!depends_[mul->b]) {
          fused.kernel = Kernel::ScaleAdd;
          std::swap(fused.a, fused.b);
        }
      } else if (const Instruction* scaled = absorbable(term, Op::MulConst)) {
        fused = {Kernel::MulConstAdd, lowered.op, lowered.out, scaled->a, rest, 0, scaled->k};
      } else if (const Instruction* square = absorbable(term, Op::Square)) {
        fused = {Kernel::SquareAdd, lowered.op, lowered.out, square->a, rest, 0, 0.0};
      } else {
        continue;
      }
      absorb(term, fused);
      return fused;
    }
    return lowered;
  }

  std::span<const Instruction> code_;
  int first_register_;
  const std::vector<bool>& depends_;
  int output_;
  std::vector<int> uses_;
  std::vector<bool> absorbed_;
  std::vector<bool> fused_;
  std::vector<LoweredInstruction> lowered_;
};

}  // namespace

std::vector<LoweredInstruction> lower(std::span<const Instruction> code, int first_register,
                                      const std::vector<bool>& depends, int output) {
  return Lowering(code, first_register, depends, output).run();
}

}  // namespace lv
