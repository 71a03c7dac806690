#!/usr/bin/env python3
"""The benchmark run behind `make bench` (see bench/run.sh and BENCHMARKS.md).

In one run on this machine, one heavy job at a time (the machine has 2 cores):

  1. cold `kim build` of the reference project (a copy of this repository's data/,
     templates/, schemas/, assets/), and Hugo on an equivalent site of the same pages;
  2. rebuild time of `kim serve` after editing one Sitzung and one template;
  3. cold `kim build` of synthetic projects of growing size (bench/generate.py), with
     peak memory (max RSS from /usr/bin/time -v) and kim's own step times;
  4. Hugo (`hugo --quiet`, no minify) on the same pages as the state-scale project;
  5. ratios and targets; results to bench/results/latest.{json,md} and into the
     results section of BENCHMARKS.md (between the bench:begin/bench:end markers).

"Cold" means: a fresh process and no output folder (kim: no site/ and no build/;
Hugo: no public/ and no resources/); the operating system's file cache is warm for
both, as after generating the inputs.

Timing: hyperfine (median of its runs) where a run is short enough to repeat within
the time budget, else /usr/bin/time -v runs (median of up to 3). Peak memory is always
from /usr/bin/time -v. The whole run is kept under ~15 minutes: a build that takes
long is measured once, and that is said in the table.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HIER = Path(__file__).resolve().parent
REPO = HIER.parent
sys.path.insert(0, str(HIER))
import serve_rebuild  # noqa: E402

BEGIN = "<!-- bench:begin -->"
END = "<!-- bench:end -->"
T0 = time.monotonic()


def log(text: str) -> None:
    print(f"[bench {time.monotonic() - T0:6.0f} s] {text}", flush=True)


def sh(cmd, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, shell=isinstance(cmd, str), capture_output=True, text=True, **kw)


def elapsed() -> float:
    return time.monotonic() - T0


# ---- measuring ----------------------------------------------------------------

def time_v(cmd: list[str], prepare: str | None, cwd: str | None = None) -> dict:
    """One run under /usr/bin/time -v: wall seconds, max RSS (MiB), exit code, stderr."""
    if prepare:
        sh(prepare)
    t = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, cwd=cwd)
    wall = time.monotonic() - t
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    return {"wall_s": wall, "rss_mib": int(rss.group(1)) / 1024 if rss else None, "rc": proc.returncode,
            "stderr": proc.stderr, "stdout": proc.stdout}


def hyperfine(cmd: list[str], prepare: str | None, runs: int, cwd: str | None = None) -> dict | None:
    if not shutil.which("hyperfine"):
        return None
    export = Path(os.environ.get("TMPDIR", "/tmp")) / f"kim-bench-hf-{os.getpid()}.json"
    args = ["hyperfine", "--style", "none", "--runs", str(runs), "--export-json", str(export)]
    if prepare:
        args += ["--prepare", prepare]
    args.append(shlex.join(cmd))
    proc = subprocess.run(args, capture_output=True, text=True, cwd=cwd)
    if proc.returncode != 0 or not export.exists():
        log(f"hyperfine failed: {proc.stderr[-500:]}")
        return None
    r = json.loads(export.read_text())["results"][0]
    export.unlink()
    return {"median_s": r["median"], "min_s": r["min"], "max_s": r["max"], "runs": len(r["times"]), "tool": "hyperfine"}


def steps(stderr: str) -> dict[str, int]:
    """kim's own step times: "[4/5] Darstellen (354 ms)"."""
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"^\[\d+/\d+\] (.+?) \((\d+) ms\)", stderr, re.M)}


def measure(label: str, cmd: list[str], prepare: str | None, runs: int, budget_s: float, cwd: str | None = None) -> dict:
    """A first run under /usr/bin/time -v (memory, kim's step times, sanity); then more
    runs (hyperfine, else time -v) if `runs` of them fit into `budget_s`."""
    log(f"{label}: {shlex.join(cmd)}")
    first = time_v(cmd, prepare, cwd)
    if first["rc"] != 0:
        log(f"{label}: exit code {first['rc']}\n{first['stderr'][-3000:]}")
        raise SystemExit(f"bench: {label} failed")
    result = {"label": label, "command": shlex.join(cmd), "rss_mib": first["rss_mib"], "steps": steps(first["stderr"]),
              "first_s": first["wall_s"]}
    if runs > 1 and first["wall_s"] * runs <= budget_s:
        hf = hyperfine(cmd, prepare, runs, cwd)
        if hf:
            result.update(hf)
        else:
            walls = [first["wall_s"]] + [time_v(cmd, prepare, cwd)["wall_s"] for _ in range(runs - 1)]
            result.update({"median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
                           "runs": len(walls), "tool": "/usr/bin/time -v"})
    else:
        result.update({"median_s": first["wall_s"], "min_s": first["wall_s"], "max_s": first["wall_s"], "runs": 1,
                       "tool": "/usr/bin/time -v (1 run: too long to repeat within the budget)" if runs > 1 else "/usr/bin/time -v"})
    log(f"{label}: median {result['median_s']:.3f} s over {result['runs']} run(s), max RSS {result['rss_mib']:.0f} MiB, steps {result['steps']}")
    return result


def count(folder: Path, suffix: str | None = ".html") -> int:
    if not folder.is_dir():
        return 0
    return sum(1 for p in folder.rglob("*") if p.is_file() and (suffix is None or p.name.endswith(suffix)))


# ---- machine ------------------------------------------------------------------

def machine() -> dict:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    def first_line(cmd):
        try:
            out = sh(cmd)
            return (out.stdout or out.stderr).strip().splitlines()[0]
        except Exception:
            return "?"
    mem = sh("free -h").stdout.strip()
    rev = sh(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"]).stdout.strip()
    dirty = bool(sh(["git", "-C", str(REPO), "status", "--porcelain", "--", "Sources", "templates", "data", "schemas"]).stdout.strip())
    return {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "nproc": os.cpu_count(),
            "cpu": cpu, "free_h": mem, "kernel": platform.release(),
            "swift": first_line("swift --version 2>&1"), "hugo": first_line("hugo version") if shutil.which("hugo") else "not installed",
            "hyperfine": first_line("hyperfine --version") if shutil.which("hyperfine") else "not installed",
            "kim_commit": rev + (" (with uncommitted changes in Sources/templates/data/schemas)" if dirty else ""),
            "load_at_start": os.getloadavg()}


# ---- the run ------------------------------------------------------------------

def copy_reference(ziel: Path) -> None:
    if ziel.exists():
        shutil.rmtree(ziel)
    ziel.mkdir(parents=True)
    for ordner in ("data", "templates", "schemas", "assets"):
        shutil.copytree(REPO / ordner, ziel / ordner)


def default_work() -> str:
    """A RAM disk when there is one with room: the disk here is shared, and on ext4 creating files
    right after deleting many is slow in the kernel (it skips recently freed inodes) – that would
    measure the disk's history, not the generators. The disk is measured separately (--disk-work)."""
    shm = Path("/dev/shm")
    try:
        if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 8 * 1024**3:
            return str(shm / "kim-bench")
    except OSError:
        pass
    return "/tmp/kim-bench"


def filesystem(pfad: Path) -> str:
    out = sh(["df", "--output=fstype", str(pfad)]).stdout.split()
    return out[-1] if out else "?"


def parse_size(text: str) -> tuple[int, int]:
    n, y = text.lower().split("x")
    return int(n), int(y)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kim", default=str(REPO / ".build/release/kim"))
    parser.add_argument("--work", default=default_work(), help="where projects and outputs go (default: /dev/shm if it has room)")
    parser.add_argument("--disk-work", default="/tmp/kim-bench-disk",
                        help="the state scale once more on this disk folder, kim and Hugo one run each (empty: skip)")
    parser.add_argument("--sizes", default="6x10,18x10,54x10", help="synthetic sizes KOMMUNENxJAHRE, ascending; the last is the state scale")
    parser.add_argument("--budget", type=float, default=780, help="seconds for the whole run (default 13 min)")
    parser.add_argument("--serve-runs", type=int, default=5)
    parser.add_argument("--no-update", action="store_true", help="do not write BENCHMARKS.md")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic projects and Hugo sites under --work")
    args = parser.parse_args(argv)

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    kim = work / "kim"
    shutil.copy2(args.kim, kim)  # a snapshot: the build dir may change during the run
    kim = str(kim)
    hilfe = sh([kim, "build", "--help"]).stdout
    build_flags = ["--no-pdf"] if "--no-pdf" in hilfe else []
    results: dict = {"machine": machine(), "build_flags": build_flags, "filesystem": filesystem(work)}
    log(f"machine: {results['machine']['cpu']}, {results['machine']['nproc']} cores; kim {results['machine']['kim_commit']}")

    # 1. reference project
    ref = work / "referenz"
    copy_reference(ref)
    check = sh([kim, "check", "--project", str(ref)])
    if check.returncode != 0:
        raise SystemExit("bench: `kim check` fails on the reference project (are .build/release/kim and templates/ from the same state?)\n"
                         + check.stderr[-3000:])
    cold = f"rm -rf {shlex.quote(str(ref))}/site {shlex.quote(str(ref))}/build"
    r = measure("kim reference", [kim, "build", *build_flags, "--project", str(ref)], cold, runs=10, budget_s=60)
    r.update(pages=count(ref / "site"), files=count(ref / "site", None))
    results["kim_reference"] = r
    if build_flags:
        # The default build with the PDF (WeasyPrint), cache cold: once, for completeness.
        p = measure("kim reference with PDF", [kim, "build", "--project", str(ref)], cold, runs=1, budget_s=0)
        results["kim_reference_pdf"] = p

    hugo_ref = work / "hugo-referenz"
    sh([sys.executable, str(HIER / "hugo_site.py"), "--project", str(ref), "--out", str(hugo_ref)], check=True)
    hcold = f"rm -rf {shlex.quote(str(hugo_ref))}/public {shlex.quote(str(hugo_ref))}/resources"
    h = measure("hugo reference", ["hugo", "--quiet", "--source", str(hugo_ref)], hcold, runs=10, budget_s=60)
    h.update(pages=count(hugo_ref / "public"), files=count(hugo_ref / "public", None))
    results["hugo_reference"] = h

    # 2. kim serve: rebuild after an edit (on its own copy of the reference)
    serve_copy = work / "serve-referenz"
    copy_reference(serve_copy)
    log("kim serve: rebuild after editing one Sitzung / one template")
    results["serve_reference"] = serve_rebuild.measure(kim, str(serve_copy), runs=args.serve_runs)
    log(f"kim serve: {json.dumps({k: v for k, v in results['serve_reference'].items() if k in ('status', 'sitzung', 'template')}, ensure_ascii=False)}")

    # 3. synthetic projects, ascending; 4. Hugo on the state-scale one
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    results["sizes"] = []
    for index, (n, y) in enumerate(sizes):
        staat = index == len(sizes) - 1
        projekt = work / f"kim-{n}x{y}"
        t = time.monotonic()
        gen = sh([sys.executable, str(HIER / "generate.py"), "--kommunen", str(n), "--jahre", str(y), "--out", str(projekt)])
        if gen.returncode != 0:
            raise SystemExit(f"bench: generate.py failed\n{gen.stderr}")
        inhalt = json.loads((projekt / ".kim-bench.json").read_text())
        log(f"generated {n}×{y} in {time.monotonic() - t:.0f} s: {gen.stdout.strip()}")
        cold = f"rm -rf {shlex.quote(str(projekt))}/site {shlex.quote(str(projekt))}/build"
        remaining = args.budget - elapsed()
        # Repeat only what fits: the state-scale build leaves room for Hugo and the report.
        # The smaller sizes are there for the growth of memory and time: one run each.
        # The state-scale build is repeated only if that leaves room for Hugo and the report.
        r = measure(f"kim {n}×{y}", [kim, "build", *build_flags, "--project", str(projekt)], cold, runs=3 if staat else 1,
                    budget_s=max(0.0, (remaining - 150) / 2))
        r.update(kommunen=n, jahre=y, content=inhalt, pages=count(projekt / "site"), files=count(projekt / "site", None))
        results["sizes"].append(r)
        if staat:
            hugo_dir = work / f"hugo-{n}x{y}"
            t = time.monotonic()
            sh([sys.executable, str(HIER / "hugo_site.py"), "--project", str(projekt), "--out", str(hugo_dir)], check=True)
            log(f"wrote the Hugo site for {n}×{y} in {time.monotonic() - t:.0f} s")
            hcold = f"rm -rf {shlex.quote(str(hugo_dir))}/public {shlex.quote(str(hugo_dir))}/resources"
            h = measure(f"hugo {n}×{y}", ["hugo", "--quiet", "--source", str(hugo_dir)], hcold, runs=3,
                        budget_s=max(0.0, args.budget - elapsed() - 30))
            h.update(pages=count(hugo_dir / "public"), files=count(hugo_dir / "public", None))
            results["hugo_state"] = h
            shutil.rmtree(hugo_dir / "public", ignore_errors=True)
            shutil.rmtree(projekt / "site", ignore_errors=True)
            if args.disk_work and filesystem(work) != filesystem(Path(args.disk_work).parent):
                results["disk"] = on_disk(Path(args.disk_work), kim, build_flags, projekt, hugo_dir, n, y)
        shutil.rmtree(projekt / "site", ignore_errors=True)
        if not args.keep:
            shutil.rmtree(projekt, ignore_errors=True)
            shutil.rmtree(work / f"hugo-{n}x{y}", ignore_errors=True)

    results["total_s"] = elapsed()
    results["load_at_end"] = os.getloadavg()
    ausgabe = HIER / "results"
    ausgabe.mkdir(exist_ok=True)
    (ausgabe / "latest.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    md = report(results)
    (ausgabe / "latest.md").write_text(md)
    if not args.no_update:
        update_benchmarks_md(md)
    print(md)
    log(f"done in {elapsed():.0f} s; results in bench/results/latest.md" + ("" if args.no_update else " and BENCHMARKS.md"))


def on_disk(ziel: Path, kim: str, build_flags: list[str], projekt: Path, hugo_dir: Path, n: int, y: int) -> dict:
    """The state-scale project and its Hugo site copied to disk, each generator run once, cold."""
    shutil.rmtree(ziel, ignore_errors=True)
    ziel.mkdir(parents=True)
    kim_disk, hugo_disk = ziel / projekt.name, ziel / hugo_dir.name
    shutil.copytree(projekt, kim_disk)
    shutil.copytree(hugo_dir, hugo_disk)
    sh("sync")
    fs = filesystem(ziel)
    r = measure(f"kim {n}×{y} on {fs}", [kim, "build", *build_flags, "--project", str(kim_disk)], "sync", runs=1, budget_s=0)
    h = measure(f"hugo {n}×{y} on {fs}", ["hugo", "--quiet", "--source", str(hugo_disk)], "sync", runs=1, budget_s=0)
    shutil.rmtree(ziel, ignore_errors=True)
    return {"filesystem": fs, "kim": r, "hugo": h}


# ---- report -------------------------------------------------------------------

def fmt_s(s: float | None) -> str:
    if s is None:
        return "–"
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def report(r: dict) -> str:
    m = r["machine"]
    zeilen = [BEGIN, "",
              f"Measured {m['date']} by `make bench` (bench/bench.py); total run {r['total_s'] / 60:.1f} min.",
              "",
              f"- machine: {m['cpu']}, `nproc` = {m['nproc']}, kernel {m['kernel']}; load average at start {m['load_at_start'][0]:.2f}, at end {r['load_at_end'][0]:.2f}",
              "- `free -h`:", "", "  ```", *["  " + l for l in m["free_h"].splitlines()], "  ```", "",
              f"- {m['swift']}; {m['hugo']}; {m['hyperfine']}",
              f"- kim at commit {m['kim_commit']}; `kim build {' '.join(r['build_flags'])}`"
              + (" (the PDF via WeasyPrint is left out of the comparison; it is measured separately below)" if r["build_flags"] else ""),
              "", "### Build times (cold)", "",
              "| what | pages (.html) | files | time (median) | runs, tool | max RSS | kim's steps (first run, ms) |",
              "|---|---:|---:|---:|---|---:|---|"]

    def zeile(name, x):
        schritte = ", ".join(f"{k} {v}" for k, v in x.get("steps", {}).items()) or "–"
        spanne = f" ({fmt_s(x['min_s'])}–{fmt_s(x['max_s'])})" if x["runs"] > 1 else ""
        return (f"| {name} | {x.get('pages', '–')} | {x.get('files', '–')} | {fmt_s(x['median_s'])}{spanne} | {x['runs']}, {x['tool']} | "
                f"{x['rss_mib']:.0f} MiB | {schritte} |")

    zeilen.append(zeile("kim, reference project", r["kim_reference"]))
    zeilen.append(zeile("Hugo, same pages as the reference", r["hugo_reference"]))
    if "kim_reference_pdf" in r:
        zeilen.append(zeile("kim, reference project, with PDF (WeasyPrint, no cache)", r["kim_reference_pdf"]))
    for x in r["sizes"]:
        c = x["content"]
        zeilen.append(zeile(f"kim, {x['kommunen']} × {x['jahre']} ({c['sitzungen']} Sitzungen, {c['beschluesse']} Beschlüsse, "
                            f"{c['angebote']} Angebote, {c['meilensteine']} Meilensteine)", x))
    staat = r["sizes"][-1]
    h = r.get("hugo_state")
    if h:
        zeilen.append(zeile(f"Hugo, same pages as {staat['kommunen']} × {staat['jahre']}", h))
    d = r.get("disk")
    if d:
        zeilen.append(zeile(f"kim, {staat['kommunen']} × {staat['jahre']}, on disk ({d['filesystem']})", d["kim"]))
        zeilen.append(zeile(f"Hugo, same pages, on disk ({d['filesystem']})", d["hugo"]))
    zeilen += ["", f"Projects and outputs on {r.get('filesystem', '?')}"
               + (f"; the last two rows on the shared disk ({d['filesystem']}), one run each." if d else ".")]

    s = r["serve_reference"]
    zeilen += ["", "### `kim serve`: rebuild after an edit (reference project)", ""]
    if s.get("status") == "ok":
        zeilen += ["| edit | rebuild (kim's \"Neu gebaut in\", median) | edit → new version served (median) | runs |", "|---|---:|---:|---:|"]
        for art, name in (("sitzung", "one Sitzung (data/sitzungen/…json)"), ("template", "one template (templates/seiten/sitzung.html)")):
            x = s[art]
            zeilen.append(f"| {name} | {x['rebuild_ms']} ms | {x['edit_to_version_ms']:.0f} ms | {x['runs']} |")
        zeilen += ["", f"First build when starting: {s['first_build_s']:.2f} s. \"edit → new version\" includes the watcher's "
                   "100 ms polling and its scan of the project; kim serve has no benchmark flag"
                   + (f" (found: {s['benchmark_flag']})" if s.get("benchmark_flag") else "") + ", so this is measured from outside over HTTP on 127.0.0.1."]
    else:
        zeilen.append(f"Rebuild in kim serve after editing one Sitzung / one template: {s.get('status')}")

    # ratios and targets
    zeilen += ["", "### Ratios and targets", ""]
    ziele = []
    kr = r["kim_reference"]["median_s"]
    ziele.append(("reference build well under 1 s", f"{fmt_s(kr)}", kr < 0.5))
    if h:
        ratio = staat["median_s"] / h["median_s"]
        d = r.get("disk")
        auf_platte = ""
        if d:
            auf_platte = (f"; on disk ({d['filesystem']}): kim {fmt_s(d['kim']['median_s'])} vs. Hugo {fmt_s(d['hugo']['median_s'])}, "
                          f"kim/Hugo = {d['kim']['median_s'] / d['hugo']['median_s']:.2f}")
        ziele.append((f"state-scale build ({staat['kommunen']} × {staat['jahre']}) faster than Hugo on the same pages",
                      f"kim {fmt_s(staat['median_s'])} vs. Hugo {fmt_s(h['median_s'])} ({r.get('filesystem', '?')}): kim/Hugo = {ratio:.2f}{auf_platte}",
                      ratio < 1))
    ref_ratio = r["kim_reference"]["median_s"] / r["hugo_reference"]["median_s"]
    if s.get("status") == "ok":
        ms = s["sitzung"]["rebuild_ms"]
        ziele.append(("rebuild after a data edit under 100 ms (kim serve, reference)", f"{ms} ms (template edit: {s['template']['rebuild_ms']} ms)", ms < 100))
    else:
        ziele.append(("rebuild after a data edit under 100 ms", s.get("status"), None))
    if len(r["sizes"]) >= 3:
        a, b, c = r["sizes"][-3:]
        units = lambda x: x["content"]["sitzungen"]
        m1 = (b["rss_mib"] - a["rss_mib"]) / (units(b) - units(a))
        m2 = (c["rss_mib"] - b["rss_mib"]) / (units(c) - units(b))
        t1 = (b["median_s"] - a["median_s"]) / (units(b) - units(a)) * 1000
        t2 = (c["median_s"] - b["median_s"]) / (units(c) - units(b)) * 1000
        linear = m2 <= 1.3 * m1
        ziele.append(("memory growing linearly with content",
                      f"max RSS {a['rss_mib']:.0f} → {b['rss_mib']:.0f} → {c['rss_mib']:.0f} MiB; per extra Sitzung "
                      f"{m1 * 1024:.0f} KiB ({a['kommunen']}→{b['kommunen']}) and {m2 * 1024:.0f} KiB ({b['kommunen']}→{c['kommunen']})",
                      linear))
        zeilen += [f"- time per extra Sitzung: {t1:.1f} ms ({a['kommunen']}→{b['kommunen']} Kommunen) and {t2:.1f} ms "
                   f"({b['kommunen']}→{c['kommunen']}); a constant figure means linear growth, a growing one superlinear."]
    zeilen += [f"- kim/Hugo on the reference pages: {ref_ratio:.2f}"]
    if h:
        zeilen += [f"- kim/Hugo at state scale: {staat['median_s'] / h['median_s']:.2f}; pages: kim {staat['pages']}, Hugo {h['pages']}; "
                   f"files: kim {staat['files']} (with OParl JSON, feeds, downloads), Hugo {h['files']}; max RSS kim {staat['rss_mib']:.0f} MiB, Hugo {h['rss_mib']:.0f} MiB"]
    zeilen += ["", "| target | measured | met? |", "|---|---|---|"]
    for name, wert, ok in ziele:
        zeilen.append(f"| {name} | {wert} | {'met' if ok else ('n/a' if ok is None else '**not met**')} |")
    zeilen += ["", END]
    return "\n".join(zeilen) + "\n"


def update_benchmarks_md(md: str) -> None:
    datei = REPO / "BENCHMARKS.md"
    if not datei.exists():
        datei.write_text("# Benchmarks\n\n" + md)
        return
    text = datei.read_text()
    if BEGIN in text and END in text:
        vorne, rest = text.split(BEGIN, 1)
        _, hinten = rest.split(END, 1)
        text = vorne + md.rstrip("\n") + hinten
    else:
        text = text.rstrip("\n") + "\n\n" + md
    datei.write_text(text)


if __name__ == "__main__":
    main()
