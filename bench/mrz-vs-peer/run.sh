#!/usr/bin/env bash
# Our MRZ parser against the npm `mrz` parser (issue 9), on the same generated Vietnamese TD1 MRZs (CCCD backs)
# with one injected OCR error each: a look-alike (O/0, I/1, Z/2, S/5, G/6, B/8), another digit, a '<' filler read
# as K/X/« (just after the last name letter, in the last two positions of line 3, anywhere else), or two look-alikes
# in one field. Prints, per parser and kind, right / repaired right / flagged / wrong without a flag, and the silent
# wrongs by field. npm `mrz` 5.0.2 is installed with npm into a cache folder and run under Node.
# Overrides: COUNT (default 6000, spread evenly over the kinds), SEED (default 9), OUT (default bench/out/mrz-vs-peer),
# NPM_CACHE_DIR (default $OUT/npm).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/mrz-vs-peer"
OUT="${OUT:-$ROOT/bench/out/mrz-vs-peer}"
COUNT="${COUNT:-6000}"
SEED="${SEED:-9}"
NPM_DIR="${NPM_CACHE_DIR:-$OUT/npm}"
say() { printf 'bench: %s\n' "$*" >&2; }

command -v node >/dev/null || { say "installing Debian's nodejs and npm"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm >/dev/null; }
mkdir -p "$OUT" "$NPM_DIR"
if [ "$(node -p "try { require('$NPM_DIR/node_modules/mrz/package.json').version } catch { '' }")" != "5.0.2" ]; then
  say "installing npm mrz 5.0.2 into $NPM_DIR"
  npm install --prefix "$NPM_DIR" --no-audit --no-fund --no-save mrz@5.0.2 >&2
fi

say "building the bench"
dotnet build "$HERE/Intake.Bench.MrzVsPeer.csproj" -c Release -v q -nologo >&2
BENCH=(dotnet "$ROOT/artifacts/bin/Intake.Bench.MrzVsPeer/release/Intake.Bench.MrzVsPeer.dll")

say "generating $COUNT cases (seed $SEED)"
"${BENCH[@]}" generate "$COUNT" "$SEED" "$OUT/cases.jsonl"
say "ours"
"${BENCH[@]}" ours "$OUT/cases.jsonl" "$OUT/ours.jsonl"
say "npm mrz $(node --version)"
node "$HERE/npm-parse.mjs" "$NPM_DIR/node_modules" "$OUT/cases.jsonl" "$OUT/npm.jsonl"
"${BENCH[@]}" score "$OUT/cases.jsonl" "$OUT/ours.jsonl" "$OUT/npm.jsonl" | tee "$OUT/table.md"
