#!/usr/bin/env python3
"""A long random session of the lossviz window, for the hardening checks: scripted random input
(clicks and drags on the panels and the picture, wheel, keys: play, step, reset, 3D, presentation,
undo-free edits) over every lesson, one run per lesson and seed, under Xvfb. Reports crashes
(a non-zero exit or a sanitizer report) and the process's resident memory over time.

    benchmarks/random_session.py --app build-asan/lossviz --minutes 5 [--seed 1] [--frames N]
                                 [--only TEXT]   (scenes whose file name contains TEXT;
                                                  "network" picks the network demo)

Use the sanitizer build (scripts/test.sh makes build-asan) so memory errors are reported, and the
Release build (build/lossviz) for the memory curve: AddressSanitizer keeps freed memory in a
quarantine of up to 256 MiB, so under it RSS climbs for minutes without any leak."""
import argparse
import glob
import os
import random
import subprocess
import sys
import tempfile
import time

KEYS = ["space", "left", "right", "r", "f5", "f1", "tab", "escape", "enter", "up", "down"] + \
       [chr(c) for c in range(ord("a"), ord("z") + 1)] + [str(d) for d in range(10)]


def events(rng, frames, width, height):
    lines = []
    frame = 1
    while frame < frames:
        lines.append(f"frame {frame}")
        kind = rng.random()
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        if kind < 0.35:  # click somewhere (panels on the left, the picture, the plots)
            lines += [f"move {x:.0f} {y:.0f}", "press left"]
            frame += 1
            lines += [f"frame {frame}", "release left"]
        elif kind < 0.6:  # drag: sliders, pan, orbit
            button = rng.choice(["left", "left", "right"])
            lines += [f"move {x:.0f} {y:.0f}", f"press {button}"]
            for _ in range(rng.randint(2, 8)):
                frame += 1
                x = min(max(x + rng.uniform(-120, 120), 0), width)
                y = min(max(y + rng.uniform(-80, 80), 0), height)
                lines += [f"frame {frame}", f"move {x:.0f} {y:.0f}"]
            frame += 1
            lines += [f"frame {frame}", f"release {button}"]
        elif kind < 0.75:
            lines += [f"move {x:.0f} {y:.0f}", f"scroll {rng.choice([-3, -1, 1, 2, 4])}"]
        else:
            key = rng.choice(KEYS)
            lines += [f"key {key} down"]
            frame += 1
            lines += [f"frame {frame}", f"key {key} up"]
        frame += rng.randint(1, 4)
    return "\n".join(lines) + "\n"


def run_once(app, scene, seed, frames, folder):
    rng = random.Random(seed)
    script = os.path.join(folder, f"events-{seed}.txt")
    with open(script, "w") as handle:
        handle.write(events(rng, frames, 1280, 720))
    command = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", app, "--size", "1280x720",
               "--input", script, "--frames", str(frames)]
    if scene:
        command += ["--scene", scene]
    if scene is None:
        command += ["--network-demo"]
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0:abort_on_error=1")
    start = time.time()
    # Random clicks may press Save or Export: they write into the scratch folder.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                               text=True, cwd=folder)
    samples = []
    while process.poll() is None:
        samples.append((time.time() - start, lossviz_rss_mib(process.pid)))
        time.sleep(1.0)
    stderr = process.stderr.read()
    crashed = process.returncode not in (0, 2) or "ERROR: AddressSanitizer" in stderr or \
        "runtime error" in stderr
    return crashed, process.returncode, stderr, samples, time.time() - start


def lossviz_rss_mib(root_pid):
    """Resident set of the lossviz process started under `root_pid` (xvfb-run's child), so that
    several sessions (or a test suite) running at once do not mix their numbers."""
    parents, names = {}, {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as handle:
                fields = handle.read()
        except OSError:
            continue
        pid = int(fields[:fields.index(" ")])
        name = fields[fields.index("(") + 1:fields.rindex(")")]
        parents[pid] = int(fields[fields.rindex(")") + 2:].split()[1])
        names[pid] = name
    best = 0.0
    for pid, name in names.items():
        if name != "lossviz":
            continue
        ancestor = pid
        while ancestor in parents and ancestor != root_pid and ancestor > 1:
            ancestor = parents[ancestor]
        if ancestor != root_pid:
            continue
        try:
            with open(f"/proc/{pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        best = max(best, int(line.split()[1]) / 1024.0)
        except OSError:
            continue
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", default="build-asan/lossviz")
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--frames", type=int, default=600, help="frames per run")
    parser.add_argument("--only", default="", help="only scenes whose name contains this")
    args = parser.parse_args()
    args.app = os.path.abspath(args.app)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    scenes = sorted(glob.glob(os.path.join(root, "assets/scenes/**/*.json"), recursive=True))
    scenes.append(None)  # the network demo
    if args.only:
        scenes = [scene for scene in scenes
                  if args.only in (os.path.basename(scene) if scene else "network demo")]
        if not scenes:
            parser.error(f"no scene matches --only {args.only}")
    deadline = time.time() + args.minutes * 60
    failures = 0
    runs = 0
    with tempfile.TemporaryDirectory() as folder:
        while time.time() < deadline:
            scene = scenes[runs % len(scenes)]
            seed = args.seed + runs
            crashed, code, stderr, samples, seconds = run_once(args.app, scene, seed, args.frames,
                                                               folder)
            runs += 1
            name = os.path.basename(scene) if scene else "network demo"
            rss = [mib for _, mib in samples if mib > 0]
            curve = " ".join(f"{mib:.0f}" for mib in rss[:: max(1, len(rss) // 8)])
            # Growth after warm-up: the least-squares slope of RSS over the run's second half.
            half = [(t, mib) for t, mib in samples[len(samples) // 2:] if mib > 0]
            slope = "-"
            if len(half) >= 3:
                mean_t = sum(t for t, _ in half) / len(half)
                mean_m = sum(m for _, m in half) / len(half)
                var_t = sum((t - mean_t) ** 2 for t, _ in half)
                if var_t > 0:
                    per_second = sum((t - mean_t) * (m - mean_m) for t, m in half) / var_t
                    slope = f"{per_second * 60:+.2f}"
            print(f"run {runs}: {name}, seed {seed}, {seconds:.0f} s, exit {code}, "
                  f"RSS MiB over time: {curve or '-'}, peak {max(rss, default=0):.0f}, "
                  f"second-half slope {slope} MiB/min", flush=True)
            if crashed:
                failures += 1
                print(stderr[-4000:], file=sys.stderr)
    print(f"{runs} runs, {failures} crashed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
