#!/usr/bin/env python3
"""The benchmark run behind `make bench` (see bench/run.sh and BENCHMARKS.md).

In one run on this machine, one heavy job at a time (the machine has 2 cores), on the real
disk (default /var/tmp/kim-bench; the file system is named in the report):

  1. `kim build` of the reference project and Hugo on an equivalent site of the same pages,
     alternating run by run, with the output folder absent and present;
  2. the rebuild time of `kim serve` after editing one Sitzung and one template;
  3. synthetic projects (bench/generate.py) at 6 × 10, 18 × 10, 54 × 10, kim and Hugo side
     by side as in 1 (the largest size once), plus kim after changing one Sitzung, and
     kim serve at the smaller sizes;
  4. the smaller sizes once more on a RAM disk (/dev/shm) as a second table;
  5. wall time with user and kernel CPU time (/usr/bin/time -v), the load average before each
     part; results to bench/results/latest.{json,md} and into BENCHMARKS.md (between the
     bench:begin/bench:end markers).
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
    user = re.search(r"User time \(seconds\): ([0-9.]+)", proc.stderr)
    system = re.search(r"System time \(seconds\): ([0-9.]+)", proc.stderr)
    return {"wall_s": wall, "rss_mib": int(rss.group(1)) / 1024 if rss else None, "rc": proc.returncode,
            "user_s": float(user.group(1)) if user else None, "sys_s": float(system.group(1)) if system else None,
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
    # A project holds only data/ and its own texts; templates, schemas and assets are built into kim.
    for ordner in ("data", "templates"):
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


def runs_of(label: str, cmd: list[str], prepare: str | None, cwd: str | None = None) -> dict:
    """One run under /usr/bin/time -v (the caller alternates kim and Hugo run by run)."""
    r = time_v(cmd, prepare, cwd)
    if r["rc"] != 0:
        log(f"{label}: exit code {r['rc']}\n{r['stderr'][-3000:]}")
        raise SystemExit(f"bench: {label} failed")
    return r


def summary(runs: list[dict]) -> dict:
    med = lambda key: statistics.median([x[key] for x in runs if x.get(key) is not None]) if runs else None
    return {"median_s": med("wall_s"), "min_s": min(x["wall_s"] for x in runs), "max_s": max(x["wall_s"] for x in runs),
            "user_s": med("user_s"), "sys_s": med("sys_s"), "rss_mib": max((x["rss_mib"] or 0) for x in runs),
            "runs": len(runs), "steps": steps(runs[0]["stderr"]), "walls": [round(x["wall_s"], 3) for x in runs]}


def side_by_side(name: str, kim: str, build_flags: list[str], projekt: Path, hugo_dir: Path, runs: int,
                 edit: bool = False) -> dict:
    """kim and Hugo on the same pages, alternating run by run: output absent (kim: no site/ and no
    build/; Hugo: no public/ and no resources/; removing them is not timed), then present (the
    same build again over the output of the previous one). With `edit`: once more after changing
    one Sitzung (kim only; Hugo rewrites every page anyway)."""
    kim_cmd = [kim, "build", *build_flags, "--project", str(projekt)]
    hugo_cmd = ["hugo", "--quiet", "--source", str(hugo_dir)]
    kim_cold = f"rm -rf {shlex.quote(str(projekt))}/site {shlex.quote(str(projekt))}/build; sync"
    hugo_cold = f"rm -rf {shlex.quote(str(hugo_dir))}/public {shlex.quote(str(hugo_dir))}/resources; sync"
    gemessen = {"kim_absent": [], "hugo_absent": [], "kim_present": [], "hugo_present": []}
    for lauf in range(runs):
        gemessen["kim_absent"].append(runs_of(f"kim {name} absent", kim_cmd, kim_cold))
        gemessen["hugo_absent"].append(runs_of(f"hugo {name} absent", hugo_cmd, hugo_cold))
        gemessen["kim_present"].append(runs_of(f"kim {name} present", kim_cmd, "sync"))
        gemessen["hugo_present"].append(runs_of(f"hugo {name} present", hugo_cmd, "sync"))
        log(f"{name} run {lauf + 1}/{runs}: " + ", ".join(f"{k} {v[-1]['wall_s']:.2f} s" for k, v in gemessen.items()))
    ergebnis = {k: summary(v) for k, v in gemessen.items()}
    if edit:
        # As many runs as above, each after changing another Sitzung (one in the middle of the list, then its neighbours).
        dateien = sorted((projekt / "data" / "sitzungen").glob("*.json"))
        geaendert = []
        for lauf in range(runs):
            sitzung = dateien[(len(dateien) // 2 + lauf) % len(dateien)]
            daten = json.loads(sitzung.read_text(encoding="utf-8"))
            daten["ort"] = str(daten.get("ort", "")) + " (verlegt)"
            sitzung.write_text(json.dumps(daten, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            geaendert.append(runs_of(f"kim {name} one Sitzung changed", kim_cmd, "sync"))
        ergebnis["kim_one_sitzung"] = summary(geaendert)
    ergebnis["pages"] = count(projekt / "site")
    ergebnis["files"] = count(projekt / "site", None)
    ergebnis["hugo_pages"] = count(hugo_dir / "public")
    ergebnis["hugo_files"] = count(hugo_dir / "public", None)
    return ergebnis


def prepare_size(work: Path, n: int, y: int) -> tuple[Path, Path, dict]:
    projekt = work / f"kim-{n}x{y}"
    # The work folder is the benchmark's own: a run that was killed may have left a half-removed project.
    shutil.rmtree(projekt, ignore_errors=True)
    t = time.monotonic()
    gen = sh([sys.executable, str(HIER / "generate.py"), "--kommunen", str(n), "--jahre", str(y), "--out", str(projekt)])
    if gen.returncode != 0:
        raise SystemExit(f"bench: generate.py failed\n{gen.stderr}")
    inhalt = json.loads((projekt / ".kim-bench.json").read_text())
    hugo_dir = work / f"hugo-{n}x{y}"
    sh([sys.executable, str(HIER / "hugo_site.py"), "--project", str(projekt), "--out", str(hugo_dir)], check=True)
    log(f"generated {n}×{y} and its Hugo site in {time.monotonic() - t:.0f} s: {gen.stdout.strip()}")
    return projekt, hugo_dir, inhalt


def default_ram() -> str:
    shm = Path("/dev/shm")
    try:
        if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 4 * 1024**3:
            return str(shm / "kim-bench")
    except OSError:
        pass
    return ""


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kim", default=str(REPO / ".build/release/kim"))
    parser.add_argument("--work", default="/var/tmp/kim-bench", help="on the real disk: where projects and outputs go")
    parser.add_argument("--ram-work", default=default_ram(), help="a RAM disk for the second table (empty: skip)")
    parser.add_argument("--sizes", default="6x10,18x10,54x10", help="synthetic sizes KOMMUNENxJAHRE, ascending")
    parser.add_argument("--runs", type=int, default=3, help="alternating runs per size on the disk (the largest size: 1)")
    parser.add_argument("--serve-runs", type=int, default=5)
    parser.add_argument("--no-update", action="store_true", help="do not write BENCHMARKS.md")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic projects and Hugo sites")
    args = parser.parse_args(argv)

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    kim = work / "kim"
    shutil.copy2(args.kim, kim)  # a snapshot: the build dir may change during the run
    kim = str(kim)
    hilfe = sh([kim, "build", "--help"]).stdout
    build_flags = ["--no-pdf"] if "--no-pdf" in hilfe else []
    results: dict = {"machine": machine(), "build_flags": build_flags, "filesystem": filesystem(work), "loads": []}
    if results["filesystem"] == "tmpfs":
        log(f"warning: {work} is on tmpfs, not on a disk")
    log(f"machine: {results['machine']['cpu']}, {results['machine']['nproc']} cores; kim {results['machine']['kim_commit']}; disk {results['filesystem']}")

    # 1. reference project, kim and Hugo alternating, output absent and present
    ref = work / "referenz"
    copy_reference(ref)
    check = sh([kim, "check", "--project", str(ref)])
    if check.returncode != 0:
        raise SystemExit("bench: `kim check` fails on the reference project\n" + check.stderr[-3000:])
    hugo_ref = work / "hugo-referenz"
    sh([sys.executable, str(HIER / "hugo_site.py"), "--project", str(ref), "--out", str(hugo_ref)], check=True)
    results["loads"].append(("reference", os.getloadavg()[0]))
    results["reference"] = side_by_side("reference", kim, build_flags, ref, hugo_ref, runs=10, edit=True)
    if build_flags:
        p = runs_of("kim reference with PDF", [kim, "build", "--project", str(ref)], f"rm -rf {shlex.quote(str(ref))}/site {shlex.quote(str(ref))}/build")
        results["reference_pdf"] = summary([p])

    # 2. kim serve: rebuild after an edit (on its own copy of the reference)
    serve_copy = work / "serve-referenz"
    copy_reference(serve_copy)
    log("kim serve: rebuild after editing one Sitzung / one template")
    results["serve_reference"] = serve_rebuild.measure(kim, str(serve_copy), runs=args.serve_runs)

    # 3. synthetic sizes on the disk, then (smaller ones) on the RAM disk
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    results["sizes"], results["ram"] = [], []
    for index, (n, y) in enumerate(sizes):
        groesste = index == len(sizes) - 1
        projekt, hugo_dir, inhalt = prepare_size(work, n, y)
        results["loads"].append((f"{n}×{y}", os.getloadavg()[0]))
        r = side_by_side(f"{n}×{y}", kim, build_flags, projekt, hugo_dir, runs=1 if groesste else args.runs, edit=True)
        r.update(kommunen=n, jahre=y, content=inhalt)
        # kim serve at this size: does a Sitzung edit stay visible within 200 ms as the project grows?
        log(f"kim serve at {n}×{y}")
        r["serve"] = serve_rebuild.measure(kim, str(projekt), runs=2)
        results["sizes"].append(r)
        if args.ram_work and not groesste:
            ram = Path(args.ram_work)
            shutil.rmtree(ram, ignore_errors=True)
            ram.mkdir(parents=True)
            rp, rh = ram / projekt.name, ram / hugo_dir.name
            shutil.copytree(projekt / "data", rp / "data")
            shutil.copytree(projekt / "templates", rp / "templates")
            shutil.copytree(hugo_dir, rh, ignore=shutil.ignore_patterns("public", "resources"))
            x = side_by_side(f"{n}×{y} RAM", kim, build_flags, rp, rh, runs=1)
            x.update(kommunen=n, jahre=y, filesystem=filesystem(ram))
            results["ram"].append(x)
            shutil.rmtree(ram, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(projekt, ignore_errors=True)
            shutil.rmtree(hugo_dir, ignore_errors=True)

    results["total_s"] = elapsed()
    results["load_at_end"] = os.getloadavg()
    ausgabe = HIER / "results"
    ausgabe.mkdir(exist_ok=True)
    (ausgabe / "latest.json").write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str) + "\n")
    md = report(results)
    (ausgabe / "latest.md").write_text(md)
    if not args.no_update:
        update_benchmarks_md(md)
    print(md)
    log(f"done in {elapsed():.0f} s; results in bench/results/latest.md" + ("" if args.no_update else " and BENCHMARKS.md"))


# ---- report -------------------------------------------------------------------

def fmt_s(s: float | None) -> str:
    if s is None:
        return "–"
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def zelle(x: dict | None) -> str:
    """wall (user + kernel) for one measurement."""
    if not x:
        return "–"
    spanne = f" [{fmt_s(x['min_s'])}–{fmt_s(x['max_s'])}]" if x["runs"] > 1 else ""
    return f"{fmt_s(x['median_s'])}{spanne} ({x['user_s']:.2f} u + {x['sys_s']:.2f} k)"


def tabelle(zeilen: list[str], eintraege: list[tuple[str, dict]]) -> None:
    zeilen += ["| what | files kim / Hugo | runs | kim, site/ absent | Hugo, public/ absent | kim/Hugo | kim, site/ present | Hugo, public/ present | kim/Hugo | kim, one Sitzung changed | kim/Hugo |",
               "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, x in eintraege:
        ka, ha, kp, hp, ke = x["kim_absent"], x["hugo_absent"], x["kim_present"], x["hugo_present"], x.get("kim_one_sitzung")
        nach_aenderung = f"{ke['median_s'] / hp['median_s']:.2f}" if ke else "–"
        zeilen.append(f"| {name} | {x['files']} / {x['hugo_files']} | {ka['runs']} | {zelle(ka)} | {zelle(ha)} | {ka['median_s'] / ha['median_s']:.2f} | "
                      f"{zelle(kp)} | {zelle(hp)} | {kp['median_s'] / hp['median_s']:.2f} | {zelle(ke)} | "
                      f"{nach_aenderung} |")


def report(r: dict) -> str:
    m = r["machine"]
    zeilen = [BEGIN, "",
              f"Measured {m['date']} by `make bench` (bench/bench.py); total run {r['total_s'] / 60:.1f} min.",
              "",
              f"- machine: {m['cpu']}, `nproc` = {m['nproc']}, kernel {m['kernel']}; load average (1 min) at start {m['load_at_start'][0]:.2f}, "
              + ", ".join(f"before {name} {last:.2f}" for name, last in r["loads"]) + f", at end {r['load_at_end'][0]:.2f}",
              "- `free -h`:", "", "  ```", *["  " + l for l in m["free_h"].splitlines()], "  ```", "",
              f"- {m['swift']}; {m['hugo']}",
              f"- kim at commit {m['kim_commit']}; `kim build {' '.join(r['build_flags'])}`; `hugo --quiet`",
              f"- each cell: median wall time [min–max over the runs] (user + kernel CPU seconds, medians, from /usr/bin/time -v); "
              "kim and Hugo alternate run by run; \"absent\": the output folder removed before the run (not timed), "
              "\"present\": the same build again over the previous output, nothing changed (kim compares what its last build read, "
              "build/site.vermerk, and ends when all is the same); \"one Sitzung changed\": as many runs again, each after changing the `ort` "
              "of another Sitzung (kim keeps the pages of the others, see Uebernahme), compared with Hugo's present time (Hugo rebuilds "
              "every page either way)",
              "", f"### On the disk ({r['filesystem']})", ""]
    eintraege = [("reference project", r["reference"])]
    for x in r["sizes"]:
        c = x["content"]
        eintraege.append((f"{x['kommunen']} × {x['jahre']} ({c['sitzungen']} Sitzungen)", x))
    tabelle(zeilen, eintraege)
    if r.get("ram"):
        zeilen += ["", f"### On a RAM disk ({r['ram'][0]['filesystem']}), one run each", ""]
        tabelle(zeilen, [(f"{x['kommunen']} × {x['jahre']}", x) for x in r["ram"]])
    if "reference_pdf" in r:
        zeilen += ["", f"Reference build with the PDF (WeasyPrint, cache cold), once: {zelle(r['reference_pdf'])}."]

    s = r["serve_reference"]
    zeilen += ["", "### `kim serve`: an edit until it is served", "",
               "Sitzung edit: *edit → page* is from writing the file until the Sitzung's page served holds the new "
               "sentence (what the reader waits for), *vorab* is kim's own time for the quick path (load, check and "
               "render that one page), *rebuild* the full build that follows. Template edit: until the new version is served.", ""]
    serve_zeilen = [("reference project", s, 5)] + [(f"{x['kommunen']} × {x['jahre']}", x.get("serve") or {}, 2) for x in r["sizes"]]
    zeilen += ["| project | Sitzung: edit → page (median [min–max]) | Sitzung: vorab | Sitzung: rebuild | template: edit → new version | template: rebuild | runs |",
               "|---|---:|---:|---:|---:|---:|---:|"]
    for name, v, _ in serve_zeilen:
        if v.get("status") != "ok":
            zeilen.append(f"| {name} | {v.get('status', 'not measured')} | | | | | |")
            continue
        alle = v["sitzung"]["all"]["edit_to_page_ms"]
        vorab = v["sitzung"].get("quick_ms")
        zeilen.append(f"| {name} | {v['sitzung']['edit_to_page_ms']:.0f} ms [{min(alle):.0f}–{max(alle):.0f}] | "
                      f"{'–' if vorab is None else f'{vorab:.0f} ms'} | {v['sitzung']['rebuild_ms']} ms | "
                      f"{v['template']['edit_to_version_ms']:.0f} ms | {v['template']['rebuild_ms']} ms | {v['sitzung']['runs']} |")

    # The targets of issue 29. Each ratio is given by wall time and, beside it, by CPU time (user + kernel),
    # which the load of a shared machine disturbs less.
    def cpu(m: dict) -> float:
        return m.get("user_s", 0) + m.get("sys_s", 0)

    def verhaeltnis(kim: dict, hugo: dict) -> str:
        return f"kim/Hugo = {kim['median_s'] / hugo['median_s']:.2f} (CPU {cpu(kim) / max(cpu(hugo), 0.001):.2f})"

    zeilen += ["", "### Targets (issue 29)", "", "| target | measured | met? |", "|---|---|---|"]
    ref = r["reference"]
    if "kim_one_sitzung" in ref:
        ke = ref["kim_one_sitzung"]
        zeilen.append(f"| reference, one Sitzung changed: under 100 ms and ≤ 0.5 × Hugo | {fmt_s(ke['median_s'])} "
                      f"({cpu(ke) * 1000:.0f} ms CPU), {verhaeltnis(ke, ref['hugo_present'])} | "
                      f"{'met' if ke['median_s'] < 0.1 and ke['median_s'] <= 0.5 * ref['hugo_present']['median_s'] else '**not met**'} |")
    for x in r["sizes"]:
        groesse = f"{x['kommunen']} × {x['jahre']}"
        if "kim_one_sitzung" in x:
            ke = x["kim_one_sitzung"]
            if x["kommunen"] >= 54:
                zeilen.append(f"| {groesse}, one Sitzung changed: under 1 s | {fmt_s(ke['median_s'])} | {'met' if ke['median_s'] < 1 else '**not met**'} |")
            else:
                ratio = ke["median_s"] / x["hugo_present"]["median_s"]
                zeilen.append(f"| {groesse}, one Sitzung changed: kim ≤ 0.25 × Hugo | {verhaeltnis(ke, x['hugo_present'])} | {'met' if ratio <= 0.25 else '**not met**'} |")
        if "kim_absent" in x:
            ratio = x["kim_absent"]["median_s"] / x["hugo_absent"]["median_s"]
            zeilen.append(f"| {groesse}, from scratch (output absent): kim ≤ 0.5 × Hugo | {verhaeltnis(x['kim_absent'], x['hugo_absent'])} | {'met' if ratio <= 0.5 else '**not met**'} |")
        if "kim_present" in x:
            ratio = x["kim_present"]["median_s"] / x["hugo_present"]["median_s"]
            zeilen.append(f"| {groesse}, nothing changed: kim ≤ 0.5 × Hugo | {verhaeltnis(x['kim_present'], x['hugo_present'])} | {'met' if ratio <= 0.5 else '**not met**'} |")
    for name, v, _ in serve_zeilen:
        if v.get("status") == "ok":
            ms, hoechstens = v["sitzung"]["edit_to_page_ms"], max(v["sitzung"]["all"]["edit_to_page_ms"])
            zeilen.append(f"| kim serve: a Sitzung edit visible in under 200 ms ({name}) | edit → page median {ms:.0f} ms, "
                          f"at most {hoechstens:.0f} ms | {'met' if ms < 200 else '**not met**'} |")
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
