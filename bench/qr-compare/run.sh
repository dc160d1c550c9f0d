#!/usr/bin/env bash
# Issue 15 point 3: zbar (QrReader before the change), OpenCV's QRCodeDetector and WeChatQRCode (OpenCvSharp4 4.13,
# no CNN models: none ships with the runtime or the NuGet package) on the shared QR corpora and the CCCD fronts.
# Usage: bench/qr-compare/run.sh [--list]      (run on one core: OMP/OpenCV threads are limited to 1)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CORPUS="${INTAKE_CORPUS:-$ROOT/../shared/corpus}"
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus
dotnet build "$HERE/Intake.Bench.QrCompare.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
export OMP_THREAD_LIMIT=1 OPENCV_FOR_THREADS_NUM=1 OPENCV_LOG_LEVEL=ERROR
exec dotnet "$ROOT/artifacts/bin/Intake.Bench.QrCompare/release/Intake.Bench.QrCompare.dll" "$CORPUS" "$@"
