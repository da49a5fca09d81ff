#!/usr/bin/env python3
"""Compare two folio builds side by side, as docs/performance.md reports them.

Whole-process times alternate the two builds run by run (a machine whose speed drifts from one minute to the
next then drifts under both alike); the medians, lower quartiles and minima are printed per case, with the
median peak resident set of the process. With --instructions, each case also runs once under callgrind and
prints the instructions executed by the whole process (every thread): a count that does not drift with the
machine, for changes too small to time.

  scripts/compare-builds.py OLD_BINARY NEW_BINARY [--cases sample,big,batch] [--runs N] [--instructions]

The big cases need generated reports (made once if missing, by the folio-bench beside the new build, or by
the new build's `folio generate` when there is none): /tmp/folio-bench/big-en (~300 pages) and big-ko; the batch case renders four copies of the sample with --jobs 1 and --jobs 2.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "Examples", "dprk-upr4")
WORK = "/tmp/folio-bench"


def generator(new):
    """The command that writes a generated report: folio-bench's, else the folio command's."""
    bench = os.path.join(os.path.dirname(new), "folio-bench")
    return [bench, "generate"] if os.path.exists(bench) else [new, "generate"]


def prepare(new):
    """Generated reports and sample copies for the big and batch cases."""
    os.makedirs(WORK, exist_ok=True)
    for lang in ("en", "ko"):
        folder = os.path.join(WORK, "big-" + lang)
        if not os.path.exists(os.path.join(folder, "report.yaml")):
            subprocess.run([*generator(new), folder, "--pages", "300", "--language", lang,
                            "--source", os.path.join(SAMPLE, "content", lang + ".md")], check=True,
                           stdout=subprocess.DEVNULL)
    reports = []
    for i in range(1, 5):
        folder = os.path.join(WORK, "r%d" % i)
        if not os.path.exists(folder):
            shutil.copytree(SAMPLE, folder)
            path = os.path.join(folder, "report.yaml")
            text = open(path, encoding="utf-8").read()
            lines = [("id: report-%d" % i) if l.startswith("id:") else l for l in text.split("\n")]
            open(path, "w", encoding="utf-8").write("\n".join(lines))
        reports.append(folder)
    return reports


def cases(which, reports):
    """(name, arguments after the binary) of each case."""
    out = os.path.join(WORK, "out")
    table = {
        "sample": [("sample EN", ["render", SAMPLE, "--edition", "en", "--output", out]),
                   ("sample KO", ["render", SAMPLE, "--edition", "ko", "--output", out]),
                   ("sample, both editions", ["render", SAMPLE, "--output", out]),
                   ("--version", ["--version"])],
        "big": [("~300-page EN", ["render", os.path.join(WORK, "big-en"), "--output", out]),
                ("~300-page KO", ["render", os.path.join(WORK, "big-ko"), "--output", out])],
        "batch": [("batch 4x2, --jobs 1", ["batch", *reports, "--jobs", "1", "--output", out]),
                  ("batch 4x2, --jobs 2", ["batch", *reports, "--jobs", "2", "--output", out])],
    }
    return [(name, args) for key in which for name, args in table[key]]


def run(binary, args):
    """Wall time and peak resident set (MB) of one whole process."""
    shutil.rmtree(os.path.join(WORK, "out"), ignore_errors=True)
    start = time.perf_counter()
    process = subprocess.Popen([binary, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read()
    process.stderr.close()
    if process.returncode != 0:
        sys.exit("%s %s failed:\n%s" % (binary, " ".join(args), errors.decode(errors="replace")))
    return elapsed, usage.ru_maxrss / 1024


def instructions(binary, args):
    """Instructions of the whole process under callgrind (valgrind cannot read Swift's debug info: a stripped copy)."""
    with tempfile.TemporaryDirectory() as tmp:
        stripped = os.path.join(tmp, "folio")
        subprocess.run(["strip", "-o", stripped, binary], check=True)
        shutil.rmtree(os.path.join(WORK, "out"), ignore_errors=True)
        result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", stripped, *args],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in result.stderr.splitlines():
            if "Collected :" in line:
                return int(line.split(":")[-1].strip())
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--cases", default="sample,big,batch")
    parser.add_argument("--runs", type=int, default=0, help="runs per build and case (default: 30 sample, 8 big, 12 batch)")
    parser.add_argument("--instructions", action="store_true", help="also count instructions with callgrind")
    options = parser.parse_args()
    old, new = os.path.abspath(options.old), os.path.abspath(options.new)
    os.environ.setdefault("FOLIO_HOME", ROOT)
    which = [c for c in options.cases.split(",") if c]
    reports = prepare(new)
    default_runs = {"sample": 30, "big": 8, "batch": 12}
    for key in which:
        runs = options.runs or default_runs[key]
        for name, args in cases([key], reports):
            times = {old: [], new: []}
            memory = {old: [], new: []}
            for _ in range(runs):
                for binary in (old, new):
                    elapsed, peak = run(binary, args)
                    times[binary].append(elapsed)
                    memory[binary].append(peak)
            line = []
            for label, binary in (("old", old), ("new", new)):
                t = sorted(times[binary])
                line.append("%s median %7.1f ms, quartile %7.1f, min %7.1f, peak %4.0f MB" % (
                    label, statistics.median(t) * 1000, t[len(t) // 4] * 1000, t[0] * 1000, statistics.median(memory[binary])))
            print("%-24s %s | %s  (n=%d)" % (name, *line, runs), flush=True)
            if options.instructions and key != "batch":
                a, b = instructions(old, args), instructions(new, args)
                if a and b:
                    print("%-24s instructions old %.1f M, new %.1f M (%+.1f%%)" % ("", a / 1e6, b / 1e6, 100 * (b - a) / a),
                          flush=True)


if __name__ == "__main__":
    main()
