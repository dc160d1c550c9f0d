#!/usr/bin/env bash
# bench/sync: DOSSIERS synthetic dossiers of PAGES pages (PAGE_BYTES each, ~1 MB a dossier) from KIOSKS simulated
# kiosks into one central node on PostgreSQL (a throw-away cluster, fsync on, made and removed here), while
# HEARTBEATS more kiosks send a heartbeat every HEARTBEAT_SECONDS. Prints dossiers/s, p50/p99 ingest latency
# (kiosk's Open -> receipt), heartbeat latency, and the peak memory (VmHWM) of the central process and of the
# kiosk-side process (all simulated kiosks share one). Everything runs on cores CORES (default 0,1).
#   bench/sync/run.sh                          1,000 x 3 x 340 kB from 4 kiosks, 200 heartbeating kiosks
#   DOSSIERS=100 HEARTBEATS=20 bench/sync/run.sh   a quick look
#   ENGINE=sqlite bench/sync/run.sh            the embedded default instead of PostgreSQL
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${OUT:-$ROOT/bench/out/sync}"
CORES="${CORES:-0,1}"
KIOSKS="${KIOSKS:-4}" DOSSIERS="${DOSSIERS:-1000}" PAGES="${PAGES:-3}" PAGE_BYTES="${PAGE_BYTES:-340000}"
HEARTBEATS="${HEARTBEATS:-200}" HEARTBEAT_SECONDS="${HEARTBEAT_SECONDS:-30}"
PGBIN=/usr/lib/postgresql/15/bin
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[ -x "$PGBIN/initdb" ] || { echo "bench: installing postgresql" >&2; apt-get install -y -q --no-install-recommends postgresql >/dev/null; }
if [ -z "${INTAKE_HOST_DLL:-}" ]; then
  dotnet build "$ROOT/Kiosk.Host" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
  INTAKE_HOST_DLL="$ROOT/artifacts/bin/Intake.Kiosk.Host/release/Intake.Kiosk.Host.dll"
fi
dotnet build "$ROOT/bench/sync/SyncLoad" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
LOAD_DLL="$ROOT/artifacts/bin/Intake.Bench.SyncLoad/release/Intake.Bench.SyncLoad.dll"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PG="$(mktemp -d /tmp/intake-bench-pg-XXXXXX)"
PGPORT="$(free_port)"
CENTRAL_PID=""
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$CENTRAL_PID" ] && kill "$CENTRAL_PID" 2>/dev/null && wait "$CENTRAL_PID" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$PG/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG"
}
trap cleanup EXIT
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG"
as_postgres "$PGBIN/initdb" -D "$PG/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$PG/data" -l "$PG/log" -w -o "-p $PGPORT -k $PG -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
DB="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Maximum Pool Size=100"
[ "${ENGINE:-postgres}" = sqlite ] && DB="$OUT/central/central.db"

rm -rf "$OUT" && mkdir -p "$OUT"
CPORT="$(free_port)"
taskset -c "$CORES" dotnet "$INTAKE_HOST_DLL" central serve --db "$DB" --data "$OUT/central" --urls "http://127.0.0.1:$CPORT" >"$OUT/central.log" 2>&1 &
CENTRAL_PID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$CPORT/health" >/dev/null && break; sleep 0.2; done

/usr/bin/time -f "kiosk_side_maxrss_mb=%M" -o "$OUT/kiosk.time" taskset -c "$CORES" dotnet "$LOAD_DLL" "http://127.0.0.1:$CPORT" "$DB" \
  "$KIOSKS" "$DOSSIERS" "$PAGES" "$PAGE_BYTES" "$HEARTBEATS" "$HEARTBEAT_SECONDS" | tee "$OUT/result.txt"
central_peak_kb="$(awk '/VmHWM/ {print $2}' "/proc/$CENTRAL_PID/status")"
# CPU seconds of the central process and of PostgreSQL (postmaster, its finished and its live backends): the
# capacity figure that does not depend on what else the machine was doing.
ticks="$(getconf CLK_TCK)"
cpu_of() { awk '{print $14+$15+$16+$17}' "/proc/$1/stat"; }
central_cpu="$(cpu_of "$CENTRAL_PID")"
postmaster="$(head -1 "$PG/data/postmaster.pid")"
pg_cpu="$(cpu_of "$postmaster")"
for child in $(pgrep -P "$postmaster"); do pg_cpu=$((pg_cpu + $(cpu_of "$child"))); done
printf 'cpu: central %.1f s (%.1f ms per dossier), postgresql %.1f s (%.1f ms per dossier)\n' \
  "$(echo "$central_cpu / $ticks" | bc -l)" "$(echo "$central_cpu * 1000 / $ticks / $DOSSIERS" | bc -l)" \
  "$(echo "$pg_cpu / $ticks" | bc -l)" "$(echo "$pg_cpu * 1000 / $ticks / $DOSSIERS" | bc -l)" | tee -a "$OUT/result.txt"
kiosk_peak_kb="$(sed -n 's/kiosk_side_maxrss_mb=//p' "$OUT/kiosk.time")"
printf 'sync on %s (%s kiosks, %s dossiers x %s x %s B, %s heartbeating kiosks, cores %s): central peak %s MB, kiosk side peak %s MB\n' \
  "${ENGINE:-postgres}" "$KIOSKS" "$DOSSIERS" "$PAGES" "$PAGE_BYTES" "$HEARTBEATS" "$CORES" "$((central_peak_kb / 1024))" "$((kiosk_peak_kb / 1024))" | tee -a "$OUT/result.txt"
