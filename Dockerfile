# syntax=docker/dockerfile:1
# Pixhaven container image. Four stages: Node builds the web app, the .NET SDK publishes a self-contained, partly
# trimmed app, a build of ffmpeg with only what the app uses, and a slim runtime that carries only the app and the
# tools it calls (ffmpeg, dcraw_emu, heif-convert, pg_dump).
# Layers are ordered so that a code change re-uses the package layers (npm ci, dotnet restore, apt-get).
#
#   docker build -t pixhaven --build-arg PIXHAVEN_COMMIT=$(git rev-parse --short=7 HEAD) .
#   docker run -p 2342:2342 -v ~/Pictures:/originals:ro -v pixhaven-storage:/storage pixhaven

ARG DOTNET_TAG=10.0-noble

# ---- web app ----------------------------------------------------------------------------------------------------
FROM node:22-bookworm-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY api/openapi.json /src/api/openapi.json
COPY web/ ./
# Vite writes to ../src/Pixhaven/wwwroot, as in a normal build.
RUN npm run build

# ---- publish ----------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_TAG} AS build
ARG TARGETARCH=amd64
ARG PIXHAVEN_COMMIT=unknown
ARG PIXHAVEN_BUILD_DATE=""
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/Pixhaven.Core/Pixhaven.Core.csproj src/Pixhaven.Core/
COPY src/Pixhaven.Catalog.Sqlite/Pixhaven.Catalog.Sqlite.csproj src/Pixhaven.Catalog.Sqlite/
COPY src/Pixhaven.Catalog.Postgres/Pixhaven.Catalog.Postgres.csproj src/Pixhaven.Catalog.Postgres/
COPY src/Pixhaven/Pixhaven.csproj src/Pixhaven/
RUN RID=linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) \
 && dotnet restore src/Pixhaven/Pixhaven.csproj -r "$RID" -p:PublishTrimmed=true -p:PublishReadyToRun=true
COPY src/ src/
COPY --from=web /src/src/Pixhaven/wwwroot/ src/Pixhaven/wwwroot/
# TrimMode=partial: full trimming breaks ASP.NET and EF Core at start. Not single-file: the native libraries (libvips)
# stay beside the app instead of being extracted at each start. ReadyToRun: trimming drops the framework's precompiled
# code, and compiling the whole app ahead again halves the start-up time (docs/performance.md).
RUN RID=linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) \
 && dotnet publish src/Pixhaven/Pixhaven.csproj -c Release -r "$RID" --self-contained --no-restore -o /app \
      -p:PixhavenSkipWeb=true -p:PixhavenCommit="$PIXHAVEN_COMMIT" -p:PixhavenBuildDate="$PIXHAVEN_BUILD_DATE" \
      -p:PublishTrimmed=true -p:TrimMode=partial -p:EnableTrimAnalyzer=false -p:SuppressTrimAnalysisWarnings=true \
      -p:PublishReadyToRun=true -p:DebugType=none \
 && cp -r src/Pixhaven/wwwroot /app/wwwroot

# ---- ffmpeg -----------------------------------------------------------------------------------------------------
# Built from the distribution's source package (with its patches) with only what the app calls ffmpeg for; see
# deploy/image/build-ffmpeg.sh. Same base as the runtime, so the binaries match its C library.
FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_TAG} AS ffmpeg
RUN for f in /etc/apt/sources.list.d/*.sources; do [ -f "$f" ] && sed -i 's/^Types: deb$/Types: deb deb-src/' "$f"; done; \
    if [ -f /etc/apt/sources.list ]; then sed -n 's/^deb /deb-src /p' /etc/apt/sources.list >/etc/apt/sources.list.d/sources.list; fi; \
    apt-get update \
 && apt-get install -y --no-install-recommends dpkg-dev gcc make nasm pkg-config libx264-dev libdav1d-dev libzimg-dev zlib1g-dev \
 && mkdir /src && cd /src && apt-get source ffmpeg >/dev/null
COPY deploy/image/build-ffmpeg.sh /usr/local/bin/
RUN build-ffmpeg.sh "$(find /src -maxdepth 1 -type d -name 'ffmpeg-*' | head -1)" /opt/ffmpeg

# ---- runtime ----------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_TAG}
ARG PIXHAVEN_VERSION=unknown
# Only what the code calls: dcraw_emu (RAW without a large preview), heif-convert (HEVC HEIC), pg_dump/pg_restore
# (backups of a PostgreSQL catalog), and the slim ffmpeg/ffprobe from the stage above (video). The PostgreSQL client
# package would bring Perl for its wrapper scripts, so only its two programs are taken out of it; they need nothing
# but libpq. Package caches, documentation and translations go.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libraw-bin libheif-examples libpq5 \
 && client=$(apt-cache depends postgresql-client | sed -n 's/.*Depends: \(postgresql-client-[0-9]*\)$/\1/p' | head -1) \
 && mkdir /tmp/pg && cd /tmp/pg && apt-get download "$client" && dpkg-deb -x ./*.deb . \
 && cp usr/lib/postgresql/*/bin/pg_dump usr/lib/postgresql/*/bin/pg_restore /usr/local/bin/ \
 && cd / && rm -rf /tmp/pg && pg_dump --version \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /usr/share/doc /usr/share/man /usr/share/locale
COPY --from=ffmpeg /opt/ffmpeg/bin/ /usr/local/bin/
COPY --from=ffmpeg /opt/ffmpeg/lib/ /usr/local/lib/
RUN ldconfig && ffmpeg -hide_banner -version | head -1 && ffprobe -hide_banner -version | head -1
LABEL org.opencontainers.image.title="Pixhaven" \
      org.opencontainers.image.description="Self-hosted photo library server" \
      org.opencontainers.image.source="https://github.com/pixhaven/pixhaven" \
      org.opencontainers.image.version="${PIXHAVEN_VERSION}"
ENV PIXHAVEN_ORIGINALS_PATH=/originals \
    PIXHAVEN_IMPORT_PATH=/import \
    PIXHAVEN_STORAGE_PATH=/storage \
    PIXHAVEN_HTTP_HOST=0.0.0.0 \
    PIXHAVEN_HTTP_PORT=2342
# Any UID/GID may run the image (docker run --user 1026:100, compose "user:"), so NAS shares keep their owners:
# the folders are writable by every user, and nothing else needs a home.
RUN mkdir -p /originals /import /storage && chmod 0777 /import /storage
COPY --from=build /app /app
VOLUME ["/originals", "/import", "/storage"]
EXPOSE 2342
USER 1000:1000
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s CMD ["/app/pixhaven", "status", "--json"]
ENTRYPOINT ["/app/pixhaven"]
CMD ["start"]
