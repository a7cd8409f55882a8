#!/usr/bin/env bash
# Builds the real root Dockerfile, unchanged, without a Docker engine or registry, then runs the image and checks it:
#   1. stand-ins for the base images, tagged with the official names: a debootstrap Debian rootfs for runtime-deps,
#      the same plus this machine's .NET SDK for sdk, plus this machine's Node.js for node;
#   2. buildah bud --pull=never with the vfs driver and chroot isolation;
#   3. podman run (runc, cgroupfs, limited ulimits) with the test photos mounted read-only, an index inside the
#      container, /api/v1/status and a thumbnail over HTTP;
#   4. the compressed size of the image (gzip of its OCI archive) against the 150 MB budget.
# Needs root and the Debian packages buildah, podman, debootstrap and runc. Appends its result to docs/image.md.
# Usage: deploy/image/check.sh            (work folder: $PIXHAVEN_IMAGE_WORK or /var/tmp/pixhaven-image)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
work=${PIXHAVEN_IMAGE_WORK:-/var/tmp/pixhaven-image}
started=$(date +%s)
mkdir -p "$work"
store=(--root "$work/containers" --runroot "$work/run" --storage-driver vfs)
buildah() { command buildah "${store[@]}" "$@"; }
podman() { command podman "${store[@]}" --runtime runc --cgroup-manager cgroupfs "$@"; }
step() { echo "== $* ($(( $(date +%s) - started )) s)"; }

dotnet_tag=$(sed -n 's/^ARG DOTNET_TAG=//p' Dockerfile)
node_image=$(sed -n 's/^FROM \(node:[^ ]*\) AS web$/\1/p' Dockerfile)
commit=$(git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)
build_date=$(date -u +%y%m%d)
arch=$(uname -m)
version="$build_date-$commit-Linux-$arch"

step "base root file system (debootstrap, cached)"
if [[ ! -f $work/rootfs.tar ]]; then
  rm -rf "$work/rootfs"
  debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,zlib1g,libstdc++6 bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log"
  # Like the official base images: no package cache or lists left in the root file system.
  rm -rf "$work/rootfs/var/cache/apt/"* "$work/rootfs/var/lib/apt/lists/"*
  tar -C "$work/rootfs" -cf "$work/rootfs.tar" .
fi

step "stand-in base images"
if ! podman image exists "mcr.microsoft.com/dotnet/runtime-deps:$dotnet_tag"; then
  podman import "$work/rootfs.tar" localhost/pixhaven-check/debian:bookworm >/dev/null
  # The stand-ins trust what this machine trusts (its network may inspect TLS with a local CA), so npm, NuGet and
  # apt inside the build reach their registries. Only the local stand-ins carry it; the real base images do not.
  container=$(buildah from --pull=never localhost/pixhaven-check/debian:bookworm)
  buildah copy "$container" /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt >/dev/null
  buildah config --env NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt --env NUGET_CERT_REVOCATION_MODE=offline "$container"
  buildah commit --quiet "$container" "mcr.microsoft.com/dotnet/runtime-deps:$dotnet_tag" >/dev/null
  buildah rm "$container" >/dev/null
fi
if ! podman image exists "mcr.microsoft.com/dotnet/sdk:$dotnet_tag"; then
  container=$(buildah from --pull=never "mcr.microsoft.com/dotnet/runtime-deps:$dotnet_tag")
  buildah copy "$container" "$(dirname "$(readlink -f "$(command -v dotnet)")")" /usr/share/dotnet >/dev/null
  buildah run --isolation chroot "$container" -- ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
  buildah config --env DOTNET_ROOT=/usr/share/dotnet "$container"
  buildah commit --quiet "$container" "mcr.microsoft.com/dotnet/sdk:$dotnet_tag" >/dev/null
  buildah rm "$container" >/dev/null
fi
if ! podman image exists "docker.io/library/$node_image"; then
  container=$(buildah from --pull=never "mcr.microsoft.com/dotnet/runtime-deps:$dotnet_tag")
  buildah copy "$container" "$(readlink -f "$(command -v node)")" /usr/local/bin/node >/dev/null
  buildah copy "$container" /usr/lib/node_modules/npm /usr/local/lib/node_modules/npm >/dev/null
  buildah run --isolation chroot "$container" -- ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
  buildah commit --quiet "$container" "docker.io/library/$node_image" >/dev/null
  buildah rm "$container" >/dev/null
fi

step "buildah bud of the Dockerfile ($version)"
# vfs keeps a full copy of every layer: drop the build containers and untagged layers of earlier runs first, or the
# cache grows by gigabytes per run.
buildah rm --all >/dev/null 2>&1 || true
buildah rmi --prune >/dev/null 2>&1 || true
buildah bud --isolation chroot --pull=never --layers --format docker \
  --build-arg PIXHAVEN_COMMIT="$commit" --build-arg PIXHAVEN_BUILD_DATE="$build_date" --build-arg PIXHAVEN_VERSION="$version" \
  -t localhost/pixhaven:check -f Dockerfile . >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; exit 1; }
label=$(buildah inspect --format '{{index .OCIv1.Config.Labels "org.opencontainers.image.version"}}' localhost/pixhaven:check)
[[ $label == "$version" ]] || { echo "image label says '$label', expected '$version'"; exit 1; }

step "run the image with the test photos read-only"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
storage=$(mktemp -d "$work/storage.XXXX")
chmod 0777 "$storage"
podman rm -f pixhaven-check >/dev/null 2>&1 || true
podman run -d --name pixhaven-check --network host --ulimit nofile=1024:1024 --ulimit nproc=1000:1000 \
  -e PIXHAVEN_HTTP_PORT="$port" -e PIXHAVEN_INDEX_ON_START=false -e PIXHAVEN_ADMIN_PASSWORD="image check password" \
  -v "$repo/tests/data/photos:/originals:ro" -v "$storage:/storage" localhost/pixhaven:check >/dev/null
cleanup() { podman logs pixhaven-check >"$work/run.log" 2>&1 || true; podman rm -f pixhaven-check >/dev/null 2>&1 || true; rm -rf "$storage"; }
trap cleanup EXIT
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/api/v1/status" >/dev/null 2>&1 && break; sleep 0.5; done
status=$(curl -fsS "http://127.0.0.1:$port/api/v1/status")
grep -q "\"version\":\"$version\"" <<<"$status" || { echo "status does not report $version: $status"; exit 1; }

step "index inside the container"
# Exit code 1 means some files failed, as the corpus's broken/ folder must; the summary line says the run finished.
podman exec pixhaven-check /app/pixhaven index >"$work/index.log" 2>&1 || true
grep -E "files found" "$work/index.log" || { tail -20 "$work/index.log"; exit 1; }
# Sign in as the admin made from PIXHAVEN_ADMIN_PASSWORD; the session gives the preview token of thumbnail URLs.
jar="$work/cookies"
token=$(curl -fsS -c "$jar" -H 'Content-Type: application/json' -d '{"name":"admin","password":"image check password"}' \
  "http://127.0.0.1:$port/api/v1/session" | python3 -c 'import json,sys; print(json.load(sys.stdin)["previewToken"])')
hash=$(curl -fsS -b "$jar" "http://127.0.0.1:$port/api/v1/photos?count=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["photos"][0]["thumbnailHash"])')
type=$(curl -fsS -o /dev/null -w '%{http_code} %{content_type}' "http://127.0.0.1:$port/api/v1/t/$hash/$token/tile_224")
[[ $type == "200 image/jpeg" ]] || { echo "thumbnail: $type"; exit 1; }
# The image's own ffmpeg: every video and Live Photo of the corpus has a thumbnail from a frame, and plays, either as
# it is or transcoded to H.264/AAC on the spot.
videos=$(curl -fsS -b "$jar" "http://127.0.0.1:$port/api/v1/photos?count=200&q=type:video%7Clive" | python3 -c '
import json, sys
photos = json.load(sys.stdin)["photos"]
print(" ".join(p["uid"] if p["thumbnailHash"] else "no-thumbnail:" + p["uid"] for p in photos))')
[[ -n $videos && $videos != *no-thumbnail:* ]] || { echo "videos without a thumbnail: '$videos'"; exit 1; }
for uid in $videos; do
  answer=$(curl -fsS -b "$jar" -o /dev/null -w '%{http_code} %{content_type} %{size_download}' "http://127.0.0.1:$port/api/v1/photos/$uid/video")
  [[ $answer == "200 video/"* && ${answer##* } -gt 1000 ]] || { echo "video of $uid: $answer"; exit 1; }
done
echo "$(wc -w <<<"$videos") videos and Live Photos have thumbnails and play"
photos=$(curl -fsS -b "$jar" "http://127.0.0.1:$port/api/v1/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["counts"]["photos"])')
podman exec pixhaven-check /app/pixhaven status >/dev/null || { echo "the health check command fails"; exit 1; }
# HDR video is brought to SDR with zscale (zimg) and tonemap; without them thumbnails of iPhone videos look washed out.
filters=$(podman exec pixhaven-check ffmpeg -hide_banner -filters)
grep -q ' zscale ' <<<"$filters" && grep -q ' tonemap ' <<<"$filters" || { echo "the image's ffmpeg lacks zscale or tonemap"; exit 1; }
podman exec pixhaven-check pg_dump --version >/dev/null || { echo "pg_dump, for backups of a PostgreSQL catalog, does not run"; exit 1; }
podman exec pixhaven-check touch /originals/x 2>/dev/null && { echo "originals are writable"; exit 1; }

step "start-up on the existing catalog"
# From `podman start` to the first 200 of /api/v1/status, three times (the container's own start is included).
startups=()
for _ in 1 2 3; do
  podman stop -t 5 pixhaven-check >/dev/null
  begin=$(date +%s%N)
  podman start pixhaven-check >/dev/null
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/api/v1/status" 2>/dev/null; do sleep 0.02; done
  startups+=("$(( ($(date +%s%N) - begin) / 1000000 ))")
done
echo "start to first HTTP 200: ${startups[*]} ms"

step "compressed size"
rm -f "$work/pixhaven.oci.tar"
podman save --format oci-archive -o "$work/pixhaven.oci.tar" localhost/pixhaven:check >/dev/null
compressed=$(gzip -6 -c "$work/pixhaven.oci.tar" | wc -c)
megabytes=$(( compressed / 1024 / 1024 ))
seconds=$(( $(date +%s) - started ))
verdict=$([[ $megabytes -le 150 ]] && echo "within" || echo "over")
echo "image $version: $megabytes MB compressed ($verdict the 150 MB budget), $photos photos indexed in the container, ${seconds} s"
cat >>"$repo/docs/image.md" <<REPORT

### $(date -u '+%Y-%m-%d %H:%M') UTC, deploy/image/check.sh
- image \`$version\`, built from the unchanged Dockerfile with buildah (vfs, chroot) on stand-in base images
- started with podman (runc, cgroupfs, nofile 1024, nproc 1000); \`/api/v1/status\` answered with the version; an index
  inside the container catalogued $photos photos from the read-only test corpus; \`tile_224\` served as image/jpeg
- compressed size (gzip -6 of the OCI archive): **$megabytes MB**, $verdict the 150 MB budget
- start to first HTTP 200 on the existing catalog, from \`podman start\`: ${startups[*]} ms
- the whole check took $seconds s on this machine ($(nproc) cores)
REPORT
