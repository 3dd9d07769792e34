#!/usr/bin/env python3
"""Fails when two headers of src/ define a class or struct of the same name in the same namespace.
Two such types break C++'s one-definition rule silently: the linker keeps one instantiation of
every template over them (std::vector<T>, std::stable_sort), sized for one of the two, and the
other then overflows its buffers (it happened: lv::Evaluation in nn/ and in optim/)."""
import os
import re
import sys
from collections import defaultdict

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
NAMESPACE = re.compile(r"^namespace\s+([\w:]+)\s*\{")
DEFINITION = re.compile(r"^(?:struct|class)\s+(?:final\s+)?([A-Z]\w*)\b(?!\s*;)[^;]*$")


def definitions(path):
    """(namespace, type name) of every top-level class/struct definition in a header."""
    namespace = ""
    found = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            match = NAMESPACE.match(line)
            if match:
                namespace = match.group(1)
                continue
            match = DEFINITION.match(line)
            if match and namespace:
                found.append((namespace, match.group(1)))
    return found


def main():
    places = defaultdict(list)
    for folder, _, files in os.walk(ROOT):
        for name in files:
            if name.endswith(".hpp"):
                path = os.path.join(folder, name)
                for key in definitions(path):
                    places[key].append(os.path.relpath(path, ROOT))
    clashes = {key: paths for key, paths in places.items() if len(set(paths)) > 1}
    for (namespace, type_name), paths in sorted(clashes.items()):
        print(f"{namespace}::{type_name} is defined in " + ", ".join(sorted(set(paths))))
    return 1 if clashes else 0


if __name__ == "__main__":
    sys.exit(main())
