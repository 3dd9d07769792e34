#!/usr/bin/env bash
# Installs the Debian 12 packages lossviz needs to build, test and run (only the missing ones).
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config python3
  libeigen3-dev nlohmann-json3-dev doctest-dev libbenchmark-dev
  libglfw3-dev libimgui-dev python3-glad libgl-dev libgl1-mesa-dri
  libspectra-dev libcairo2-dev libhdf5-dev
  xvfb xauth glslang-tools fonts-dejavu-core libxml2-utils libstb-dev
  clang libclang-rt-14-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "lossviz: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
