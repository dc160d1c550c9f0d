#!/usr/bin/env bash
# Page cleanup against its peers, in one run on the same pages (issue 3): the generated Vietnamese skew
# sweep (20 pages: -40..+40 step 5, 90, 180, 270, with noise) plus the shared corpus's turned and skewed
# pages that have a transcription. Each tool reads every page once:
#   ours       ./intake ocr (cleanup on) over the page images, one process, one engine per core
#   ocrmypdf   Debian's ocrmypdf --deskew --rotate-pages --jobs 2 on one multi-page PDF of the same images
#   tesseract  the tesseract CLI, two pages at a time, OMP_THREAD_LIMIT=1
# and the script prints corpus CER, pages over 5 % CER, pages per minute, and our ratios to the others.
# Overrides: INTAKE (the intake command), PAGEGEN (a built PageGenerator dll), LANGS (default vie+eng),
# OUT (default bench/out/cleanup-vs-peers).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/cleanup-vs-peers"
OUT="${OUT:-$ROOT/bench/out/cleanup-vs-peers}"
LANGS="${LANGS:-vie+eng}"
CORPUS="${INTAKE_CORPUS:-$ROOT/../shared/corpus}"
export OMP_THREAD_LIMIT=1
say() { printf 'bench: %s\n' "$*" >&2; }

if ! command -v ocrmypdf >/dev/null; then
  say "installing Debian's ocrmypdf"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ocrmypdf >/dev/null
fi

rm -rf "$OUT" && mkdir -p "$OUT"/{pages,ours,ocrmypdf,tesseract}
say "generating pages"
if [ -n "${PAGEGEN:-}" ]; then dotnet "$PAGEGEN" "$OUT/pages" "$CORPUS" >&2
else dotnet run --project "$ROOT/bench/PageGenerator" -c Release -- "$OUT/pages" "$CORPUS" >&2; fi
mapfile -t NAMES < "$OUT/pages/pages.txt"
IMAGES=("${NAMES[@]/#/$OUT/pages/}"); IMAGES=("${IMAGES[@]/%/.png}")
now() { date +%s.%N; }

# Pairs file: page name, the tool's text for it, its truth.
pairs() { for n in "${NAMES[@]}"; do printf '%s\t%s\t%s\n' "$n" "$1/$n.txt" "$OUT/pages/$n.truth.txt"; done; }

say "ours: intake ocr (${#NAMES[@]} pages)"
INTAKE_CMD=(${INTAKE:-$ROOT/intake})
t0=$(now); "${INTAKE_CMD[@]}" ocr --lang "$LANGS" --out "$OUT/ours" "${IMAGES[@]}" >/dev/null; t1=$(now)
pairs "$OUT/ours" > "$OUT/ours.pairs"
python3 "$HERE/score.py" ours "$(echo "$t1 - $t0" | bc)" "$OUT/ours.pairs" > "$OUT/ours.json"

say "ocrmypdf --deskew --rotate-pages --jobs 2"
t0=$(now)
ocrmypdf --deskew --rotate-pages --jobs 2 --output-type pdf -l "$LANGS" --sidecar "$OUT/ocrmypdf/sidecar.txt" \
  "$OUT/pages/all.pdf" "$OUT/ocrmypdf/out.pdf" 2>"$OUT/ocrmypdf/log.txt" || say "ocrmypdf failed (see $OUT/ocrmypdf/log.txt)"
t1=$(now)
# The sidecar separates pages with form feeds, in the PDF's page order (pages.txt).
python3 - "$OUT" <<'PY'
import sys, os
out = sys.argv[1]
names = open(os.path.join(out, "pages", "pages.txt"), encoding="utf-8").read().split()
try: pages = open(os.path.join(out, "ocrmypdf", "sidecar.txt"), encoding="utf-8").read().split("\f")
except FileNotFoundError: pages = []
for i, n in enumerate(names):
    open(os.path.join(out, "ocrmypdf", n + ".txt"), "w", encoding="utf-8").write(pages[i] if i < len(pages) else "")
PY
pairs "$OUT/ocrmypdf" > "$OUT/ocrmypdf.pairs"
python3 "$HERE/score.py" ocrmypdf "$(echo "$t1 - $t0" | bc)" "$OUT/ocrmypdf.pairs" > "$OUT/ocrmypdf.json"

say "tesseract CLI, 2 at a time"
t0=$(now)
printf '%s\n' "${NAMES[@]}" | xargs -P 2 -I{} sh -c 'tesseract "$1/pages/$2.png" "$1/tesseract/$2" -l "$3" >/dev/null 2>&1 || true' _ "$OUT" {} "$LANGS"
t1=$(now)
pairs "$OUT/tesseract" > "$OUT/tesseract.pairs"
python3 "$HERE/score.py" tesseract "$(echo "$t1 - $t0" | bc)" "$OUT/tesseract.pairs" > "$OUT/tesseract.json"

# Share of a page's time spent in cleanup, from our JSON timings: CPU time of the thread running each
# stage (the work it costs), and wall time (which, with five workers on two cores, also counts the
# time a cleanup stage waited for a core while other pages were being read).
python3 - "$OUT" <<'PY'
import json, sys, os, glob
out = sys.argv[1]
tools = {t: json.load(open(os.path.join(out, t + ".json"))) for t in ("ours", "ocrmypdf", "tesseract")}
clean = total = cpu_clean = cpu_total = 0.0
for f in glob.glob(os.path.join(out, "ours", "*.json")):
    for p in json.load(open(f))["pages"]:
        st = {s["name"]: s["ms"] for s in p.get("timings", [])}
        clean += st.get("cleanup", 0); total += st.get("cleanup", 0) + st.get("recognise", 0) + st.get("decode", 0)
        cpu = {s["name"]: s.get("cpuMs", 0) for s in p.get("timings", [])}
        cpu_clean += cpu.get("cleanup", 0); cpu_total += cpu.get("cleanup", 0) + cpu.get("recognise", 0) + cpu.get("decode", 0)
print(f"{'tool':<10} {'pages':>5} {'CER':>7} {'>5%':>4} {'pages/min':>10} {'seconds':>8}")
for t, r in tools.items():
    print(f"{t:<10} {r['pages']:>5} {r['cer']*100:>6.2f}% {r['over5']:>4} {r['pagesPerMinute']:>10.2f} {r['seconds']:>8.1f}")
o = tools["ours"]
for peer in ("ocrmypdf", "tesseract"):
    p = tools[peer]
    print(f"ours vs {peer}: {o['pagesPerMinute']/p['pagesPerMinute']:.2f}x the throughput, CER {o['cer']*100:.2f}% vs {p['cer']*100:.2f}%")
if cpu_total: print(f"cleanup share of a page's work (CPU time of decode+cleanup+recognise): {cpu_clean/cpu_total*100:.1f}% (target <= 15%)")
if total: print(f"cleanup share of a page's wall time (same stages, workers contending for 2 cores): {clean/total*100:.1f}%")
print("pages over 5% CER:", {t: [p["page"] for p in r["perPage"] if p["cer"] > 0.05] for t, r in tools.items()})
PY
