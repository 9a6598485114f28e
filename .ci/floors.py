#!/usr/bin/env python3
"""Runs every scorer CI knows, reads its figures and checks them against the
floors in floors.tsv. usage: floors.py BIN SCORE_BIN SHARED_DIR"""
import os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run(*cmd):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    out = r.stdout + r.stderr
    sys.stdout.write(out)
    return out


def find(pattern, text, what):
    m = re.search(pattern, text)
    if not m:
        sys.exit(f"floors: no figure for {what!r} (pattern {pattern!r})")
    return float(m.group(1))


def main():
    binary, score, shared = sys.argv[1:4]
    ev = os.path.join(shared, "eval")
    tools = os.path.join(shared, "tools")
    got = {}
    t = run(score, "tempeval3", os.path.join(ev, "tempeval3/platinum.jsonl"))
    for kind in ("strict", "relaxed", "value"):
        got[f"tempeval3 {kind} F1"] = find(kind + r"\s+P \S+\s+R \S+\s+F1 (\S+)", t, kind)
    t = run(score, "datetime", os.path.join(ev, "recognizers-text/datetime.jsonl"))
    got["recognizers datetime passed"] = find(r"cases passed \((\S+)%\)", t, "datetime")
    got["recognizers datetime strings passed"] = find(r"strings only\): \d+ \((\S+)%\)", t, "datetime strings")
    for suite, name in (("dateparser", "datetime_dateparser"), ("currency", "currency"), ("percent", "percent")):
        t = run(score, suite, os.path.join(ev, f"recognizers-text/{name}.jsonl"))
        got[f"recognizers {suite} passed"] = find(r"cases passed \((\S+)%\)", t, suite)
    extract = os.path.join(tools, "score_extract.py")
    t = run(sys.executable, extract, "tempeval3-platinum", binary)
    got["shared tempeval3 strict F1"] = find(r"strict F1 (\S+),", t, "strict")
    got["shared tempeval3 value F1"] = find(r"value F1 (\S+) ", t, "value")
    for suite in ("datetime", "dateparser", "currency", "percent"):
        t = run(sys.executable, extract, f"recognizers-{suite}", binary)
        got[f"shared {suite} passed"] = find(r"cases passed \d+/\d+ \((\S+)%\)", t, suite)
    t = run(sys.executable, os.path.join(tools, "score_real.py"), binary, os.path.join(shared, "corpus/basil-dev"))
    got["basil genuine recall"] = find(r"\(recall (\S+)\)", t, "recall")
    got["basil precision"] = find(r"\(precision (\S+)\)", t, "precision")
    got["basil claims found"] = find(r"claims (\d+)/\d+ \(date", t, "claims")
    true_findings = find(r"findings true (\d+)/\d+", t, "true findings")
    got["basil false findings"] = find(r"findings true \d+/(\d+)", t, "findings") - true_findings
    t = run(sys.executable, os.path.join(ev, "attribution/score_attribution.py"), "polnear-dev", binary)
    summary = t.strip().splitlines()[-1]
    got["polnear direct F1"] = find(r"direct P \S+ R \S+ F1 (\S+)", summary, "direct F1")
    got["polnear direct speaker"] = find(r"direct P \S+ R \S+ F1 \S+ speaker (\S+);", summary, "direct speaker")
    got["polnear indirect F1"] = find(r"indirect P \S+ R \S+ F1 (\S+)", summary, "indirect F1")
    got["polnear indirect speaker"] = find(r"indirect P \S+ R \S+ F1 \S+ speaker (\S+);", summary, "indirect speaker")
    t = run(sys.executable, os.path.join(ev, "web/score_web.py"), "published", binary)
    got["web published accuracy"] = find(r"accuracy (\S+) ", t, "published")
    got["web published MB/s"] = find(r"([0-9.]+) MB/s", t, "published")
    t = run(sys.executable, os.path.join(ev, "web/score_web.py"), "body", binary)
    got["web body F1"] = find(r"article-body: F1 (\S+) ", t, "body")
    got["web body MB/s"] = find(r"([0-9.]+) MB/s", t, "body")

    failed = False
    rows = []
    for line in open(os.path.join(HERE, "floors.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, floor = line.split("\t")[:2]
        value = got.get(name)
        if value is None:
            ok = False
        elif floor.startswith("<="):
            ok = value <= float(floor[2:]) + 1e-9
        else:
            ok = value >= float(floor) - 1e-9
        failed |= not ok
        shown = "not measured" if value is None else f"{value:g}"
        rows.append((name, shown, floor, "ok" if ok else "FAIL"))
    # One table of every score against its floor, at the end of the run.
    header = ("score", "now", "floor", "")
    widths = [max(len(r[k]) for r in rows + [header]) for k in range(4)]
    print("\nscores against their floors:")
    for r in [header] + rows:
        print("  " + "  ".join(cell.ljust(w) if k == 0 else cell.rjust(w) for k, (cell, w) in enumerate(zip(r, widths))))
    if failed:
        sys.exit("a score fell below its floor")


if __name__ == "__main__":
    main()
