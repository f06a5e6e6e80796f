#!/usr/bin/env python3
"""End-to-end benchmark of the kiennghi commands against their peers, on one core.

Run through scripts/bench.sh, which builds the release binary and the
throw-away Python environment first. Prints a markdown table: MB/s of input
(MB = 10^6 bytes) per CPU second (user + system, so that neighbours on a
shared machine do not count), the ratio to the kiennghi command of the same job, peak RSS;
then cold start, and instructions per input byte from callgrind (stable on a
noisy machine, unlike wall time).
"""
import argparse
import os
import pathlib
import shlex
import statistics
import subprocess
import sys
import time

root = pathlib.Path(__file__).resolve().parent.parent


CORE = "0"


def run_timed(argv, stdout_path=None):
    """(CPU seconds, peak RSS MiB, exit code, stderr) of one run pinned to one core (--core, default 0).

    CPU time (user + system) rather than wall time: on a shared machine the
    wall time mostly measures the neighbours; on an idle one they agree."""
    cmd = ["taskset", "-c", CORE, "/usr/bin/time", "-f", "%U %S %M"] + argv
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    proc = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE)
    if stdout_path:
        out.close()
    last = proc.stderr.decode(errors="replace").strip().splitlines()[-1] if proc.stderr else "0 0 0"
    try:
        user, system, rss_kib = last.split()
        elapsed = max(float(user) + float(system), 0.005)
        rss = int(rss_kib) / 1024
    except ValueError:
        elapsed, rss = float("nan"), float("nan")
    return elapsed, rss, proc.returncode, proc.stderr.decode(errors="replace")


def best_of(runs, argv, stdout_path=None, before=lambda: None):
    results = []
    for _ in range(runs):
        before()
        results.append(run_timed(argv, stdout_path))
    failed = [r for r in results if r[2] not in (0, 3)]
    if failed:
        print(f"  ! {shlex.join(argv)} exited {failed[0][2]}: {failed[0][3][-400:]}", file=sys.stderr)
        return None
    return min(r[0] for r in results), max(r[1] for r in results)


def fresh_outputs(work):
    """Removes earlier outputs and writes dirty pages back before a timed run, so
    that freeing or flushing another run's output (hundreds of MB) is not
    charged to the system time of the next command."""
    for leftover in work.glob("out*"):
        leftover.unlink()
    os.sync()


def callgrind_instructions(argv, stdout_path="/dev/null"):
    log = "/tmp/kiennghi-bench-callgrind.log"
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file=/tmp/kiennghi-bench-callgrind.%p", f"--log-file={log}"] + argv
    with open(stdout_path, "wb") as out:
        subprocess.run(cmd, stdout=out, stderr=subprocess.DEVNULL)
    total = None
    for line in open(log, encoding="utf-8", errors="replace"):
        if "Collected" in line:
            total = int(line.split(":")[-1].strip())
    for leftover in pathlib.Path("/tmp").glob("kiennghi-bench-callgrind.*"):
        leftover.unlink()
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(root / ".build/release/kiennghi"))
    parser.add_argument("--python", default="/tmp/kiennghi-bench-venv/bin/python")
    parser.add_argument("--icu-nfc", default="", help="stand-in for PyICU: a program NFC-ing INPUT per line to stdout")
    parser.add_argument("--work", default="/tmp/kiennghi-bench")
    parser.add_argument("--sizes", default="5,50", help="corpus sizes in MB")
    parser.add_argument("--runs", type=int, default=1, help="runs per command; the fastest counts")
    parser.add_argument("--callgrind-mb", type=float, default=1.0, help="0 skips callgrind")
    parser.add_argument("--memory-gb", type=float, default=0, help="also measure peak RSS of every kiennghi command on a file this big")
    parser.add_argument("--core", default="0", help="the core every timed run is pinned to")
    args = parser.parse_args()
    global CORE
    CORE = args.core

    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    kn = args.binary
    py = args.python
    peers = str(root / "scripts/bench-peers.py")

    def corpus(megabytes):
        path = work / f"petitions-{megabytes:g}mb.txt"
        if not path.exists():
            subprocess.run([sys.executable, str(root / "scripts/bench-corpus.py"), str(path), str(megabytes)], check=True)
        return path

    # (label, job, argv(input, output) -> list, writes stdout to output?)
    icu_peer = ((lambda i, o: [args.icu_nfc, i]), True) if args.icu_nfc else ((lambda i, o: [py, peers, "icu-nfc", i, o]), False)
    commands = [
        ("`kiennghi normalize`", "normalize", lambda i, o: [kn, "normalize", i, "-o", o], False),
        ("`kiennghi tokenize` (table)", "tokenize", lambda i, o: [kn, "tokenize", i, "-o", o], False),
        ("`kiennghi tokenize --json`", "tokenize-json", lambda i, o: [kn, "tokenize", "--json", i, "-o", o], False),
        ("`kiennghi classify x.txt -o y.jsonl`", "classify", lambda i, o: [kn, "classify", i, "-o", o + ".jsonl"], False),
        ("`kiennghi classify x.txt -o y.csv`", "classify-csv", lambda i, o: [kn, "classify", i, "-o", o + ".csv"], False),
        ("ICU `uconv -x any-nfc`", "normalize", lambda i, o: ["uconv", "-f", "utf-8", "-t", "utf-8", "-x", "any-nfc", "-o", o, i], False),
        ("ICU Normalizer2 NFC per line (" + ("C stand-in" if args.icu_nfc else "PyICU") + ")", "normalize", icu_peer[0], icu_peer[1]),
        ("Python NFC + lower + regex tokenising", "tokenize", lambda i, o: [py, peers, "regex", i, o], False),
        ("Python pyahocorasick, theme phrases", "classify", lambda i, o: [py, peers, "ahocorasick", i, o], False),
        ("scikit-learn TF-IDF fit 2k lines + transform", "classify", lambda i, o: [py, peers, "tfidf", i, o], False),
    ]
    reference = {"normalize": "`kiennghi normalize`", "tokenize": "`kiennghi tokenize` (table)",
                 "tokenize-json": "`kiennghi tokenize --json`", "classify": "`kiennghi classify x.txt -o y.jsonl`",
                 "classify-csv": "`kiennghi classify x.txt -o y.csv`"}

    sizes = [float(s) for s in args.sizes.split(",")]
    results = {}
    for megabytes in sizes:
        path = corpus(megabytes)
        size = path.stat().st_size
        for label, job, make, to_stdout in commands:
            out = str(work / "out")
            argv = make(str(path), out)
            print(f"  {megabytes:g} MB: {shlex.join(argv)}", file=sys.stderr)
            measured = best_of(args.runs, argv, out if to_stdout else None, before=lambda: fresh_outputs(work))
            if measured:
                seconds, rss = measured
                results[(label, megabytes)] = (size / 1e6 / seconds, rss)

    header = "| command or peer (1 core) | " + " | ".join(f"{m:g} MB: MB/s | × kiennghi | peak RSS MiB" for m in sizes) + " |"
    print()
    print(header)
    print("|---|" + "---:|---:|---:|" * len(sizes))
    for label, job, _, _ in commands:
        cells = []
        for megabytes in sizes:
            got = results.get((label, megabytes))
            ref = results.get((reference[job], megabytes))
            if not got:
                cells.append("failed | | ")
                continue
            ratio = f"{got[0] / ref[0]:.2f}" if ref else ""
            cells.append(f"{got[0]:.1f} | {ratio} | {got[1]:.0f}")
        print(f"| {label} | " + " | ".join(cells) + " |")

    # Cold start: one short petition, fastest and median of 15 runs.
    petition = "Công nhân KCN Thăng Long phản ánh công ty nợ đóng BHXH nhiều tháng."
    print()
    print("| start-up (1 core, 15 runs) | median CPU ms | fastest CPU ms | median wall ms |")
    print("|---|---:|---:|---:|")
    # The first classify-text fills the compiled-lexicon cache (~/.cache/kiennghi); the
    # runs after it read the cache. "no cache" compiles the TSV lexicons every time.
    run_timed([kn, "classify-text", petition])
    for label, argv in [("`kiennghi --help`", [kn, "--help"]), ("`kiennghi classify-text` cold start", [kn, "classify-text", petition]),
                        ("`kiennghi classify-text`, no lexicon cache", ["env", "KIENNGHI_LEXICON_CACHE=off", kn, "classify-text", petition])]:
        cpu, wall = [], []
        for _ in range(15):
            start = time.perf_counter()
            cpu.append(run_timed(argv)[0] * 1000)
            wall.append((time.perf_counter() - start) * 1000)
        print(f"| {label} | {statistics.median(cpu):.0f} | {min(cpu):.0f} | {statistics.median(wall):.0f} |")

    if args.callgrind_mb > 0:
        # valgrind 3.19 cannot read the Swift binary's DWARF: use a copy without it.
        stripped = "/tmp/kiennghi-bench-stripped"
        subprocess.run(["cp", kn, stripped], check=True)
        subprocess.run(["strip", "--strip-debug", stripped], check=True)
        unstripped = kn

        def callgrind_argv(argv):
            return [stripped if a == unstripped else a for a in argv]

        # The compiled-lexicon cache is keyed by the running executable, which under valgrind
        # is valgrind's own: fill that entry first (one run under callgrind, not counted), or
        # the first classify run below also counts compiling the lexicons (~380 M instructions).
        callgrind_instructions([stripped, "classify-text", petition])

        small = work / f"petitions-{args.callgrind_mb:g}mb.txt"
        if not small.exists():
            subprocess.run([sys.executable, str(root / "scripts/bench-corpus.py"), str(small), str(args.callgrind_mb)], check=True)
        tiny = work / "petition-1-line.txt"
        tiny.write_text(petition + "\n", encoding="utf-8")
        size = small.stat().st_size
        print()
        print(f"| callgrind, {size / 1e6:.2f} MB input | instructions per input byte (start-up excluded) | start-up instructions (1-line input) |")
        print("|---|---:|---:|")
        for label, job, make, _ in commands[:5]:
            out = str(work / "cg-out")
            whole = callgrind_instructions(callgrind_argv(make(str(small), out)))
            startup = callgrind_instructions(callgrind_argv(make(str(tiny), out)))
            if whole is None or startup is None:
                print(f"| {label} | failed | |")
                continue
            print(f"| {label} | {(whole - startup) / size:.0f} | {startup / 1e6:.1f} M |")
        cold = callgrind_instructions([stripped, "classify-text", petition])
        if cold:
            print(f"| `kiennghi classify-text` (one petition, lexicon cache filled) | | {cold / 1e6:.1f} M |")
        os.environ["KIENNGHI_LEXICON_CACHE"] = "off"
        cold = callgrind_instructions([stripped, "classify-text", petition])
        del os.environ["KIENNGHI_LEXICON_CACHE"]
        if cold:
            print(f"| `kiennghi classify-text` (one petition, no lexicon cache) | | {cold / 1e6:.1f} M |")

    if args.memory_gb > 0:
        big = work / f"petitions-{args.memory_gb:g}gb.txt"
        if not big.exists():
            piece = corpus(50)
            with open(big, "wb") as out:
                data = piece.read_bytes()
                for _ in range(max(1, int(args.memory_gb * 1e9 / len(data)))):
                    out.write(data)
        print()
        print(f"| {big.stat().st_size / 1e9:.2f} GB input (1 core) | seconds | MB/s | peak RSS MiB |")
        print("|---|---:|---:|---:|")
        for label, job, make, _ in commands[:5]:
            out = str(work / "big-out")
            measured = best_of(1, make(str(big), out))
            if measured:
                print(f"| {label} | {measured[0]:.0f} | {big.stat().st_size / 1e6 / measured[0]:.1f} | {measured[1]:.0f} |")
            for leftover in work.glob("big-out*"):
                leftover.unlink()


if __name__ == "__main__":
    main()
