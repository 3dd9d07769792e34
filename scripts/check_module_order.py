#!/usr/bin/env python3
"""Checks the core's module order (docs/architecture.md §2): a file in src/core/<module>/ may
include only its own module and modules earlier in the order, and src/core never includes GL,
GLFW or Dear ImGui. The order is read from the line of docs/architecture.md that starts with
"common <", so the document and the check cannot disagree.

usage: check_module_order.py [REPOSITORY_ROOT]   (exit 0: fine; 1: violations, one per line)
"""
import pathlib
import re
import sys

ORDER_LINE = re.compile(r"^\s*(common(\s*<\s*[a-z_]+)+)\s*$")
QUOTED_INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
ANY_INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
# Headers the GL-free core must never see (docs/architecture.md §1).
DISPLAY_HEADERS = re.compile(r"^(GL/|GLFW/|glad/|imgui|KHR/)")


def read_order(architecture):
    for line in architecture.read_text(encoding="utf-8").splitlines():
        match = ORDER_LINE.match(line)
        if match:
            return [name.strip() for name in match.group(1).split("<")]
    raise SystemExit(f"{architecture}: no module order line ('common < ... < ...') found")


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    order = read_order(root / "docs" / "architecture.md")
    rank = {name: index for index, name in enumerate(order)}
    core = root / "src" / "core"
    problems = []
    for module_dir in sorted(path for path in core.iterdir() if path.is_dir()):
        if module_dir.name not in rank:
            problems.append(f"src/core/{module_dir.name}/ is not in the module order of "
                            "docs/architecture.md §2: add it there")
    for source in sorted(core.rglob("*")):
        if source.suffix not in (".hpp", ".cpp", ".h", ".inl"):
            continue
        relative = source.relative_to(root)
        module = source.relative_to(core).parts[0]
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            any_include = ANY_INCLUDE.match(line)
            if any_include and DISPLAY_HEADERS.match(any_include.group(1)):
                problems.append(f"{relative}:{number}: includes '{any_include.group(1)}'; "
                                "src/core is GL- and display-free")
            quoted = QUOTED_INCLUDE.match(line)
            if not quoted or "/" not in quoted.group(1):
                continue
            target = quoted.group(1).split("/")[0]
            if target == module or target not in rank or module not in rank:
                continue
            if rank[target] > rank[module]:
                problems.append(f"{relative}:{number}: module '{module}' includes "
                                f"'{quoted.group(1)}' from '{target}', which comes later in the "
                                f"order ({' < '.join(order)})")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} module-order problem(s); see docs/architecture.md §2")
        return 1
    print(f"module order holds for {len(order)} modules: {' < '.join(order)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
