#!/usr/bin/env bash
# Builds the ffmpeg and ffprobe that the container image carries, from the distribution's own source package, with
# only what Pixhaven calls them for: reading video metadata, taking one frame as a JPEG for thumbnails, and
# transcoding to H.264/AAC MP4 for browsers, HDR brought to SDR on the way (zscale and tonemap, with zimg). The
# distribution's full ffmpeg pulls in about 200 MB of codec, GPU, audio and subtitle libraries that a photo server
# never loads.
#
# Usage: build-ffmpeg.sh SOURCE_DIR DEST      (DEST gets bin/ffmpeg, bin/ffprobe and lib/ with their libraries)
# Needs: a C compiler, make, nasm, pkg-config, libx264-dev, libdav1d-dev, libzimg-dev, zlib1g-dev.
set -euo pipefail
src=$(cd "$1" && pwd)
dest=$2
join() { local IFS=,; echo "$*"; }

# What camera, phone and screen-recorder videos come in (MP4/MOV/M4V/3GP, MKV/WebM, AVI, MTS/M2TS, MPEG, DV, FLV,
# WMV) and the codecs inside them.
demuxers=(mov matroska avi mpegts mpegps mpegvideo h264 hevc m4v mjpeg dv flv asf ogg wav aac mp3 amr image2)
decoders=(h264 hevc mpeg1video mpeg2video mpeg4 h263 h263p msmpeg4v1 msmpeg4v2 msmpeg4v3 wmv1 wmv2 wmv3 vc1 vp8 vp9
  libdav1d mjpeg prores dvvideo theora rawvideo png
  aac aac_latm mp1float mp2float mp3float ac3 eac3 dca truehd mlp opus vorbis flac alac amrnb amrwb wmav1 wmav2
  pcm_s16le pcm_s16be pcm_s24le pcm_s24be pcm_s32le pcm_u8 pcm_f32le pcm_mulaw pcm_alaw adpcm_ima_qt adpcm_ima_wav adpcm_ms)
# A JPEG frame for thumbnails; H.264 and AAC in MP4 for playback.
encoders=(mjpeg libx264 aac)
muxers=(image2 mp4 mov null)
# The CLI inserts scale, format and the turns of a display matrix (transpose, hflip, vflip) by itself; zscale and
# tonemap bring HDR (HLG, PQ) to SDR BT.709 (Core/Media/Video/HdrToSdr.cs).
filters=(scale transpose hflip vflip rotate format aformat null anull aresample setsar setpts trim atrim copy fps pad crop
  zscale tonemap)

build=$(mktemp -d)
cd "$build"
"$src/configure" --prefix="$build/install" \
  --disable-everything --disable-autodetect --disable-doc --disable-debug --disable-network --disable-ffplay \
  --disable-avdevice --disable-static --enable-shared --enable-gpl --enable-libx264 --enable-libdav1d --enable-libzimg \
  --enable-zlib \
  --enable-demuxer="$(join "${demuxers[@]}")" --enable-decoder="$(join "${decoders[@]}")" \
  --enable-encoder="$(join "${encoders[@]}")" --enable-muxer="$(join "${muxers[@]}")" \
  --enable-filter="$(join "${filters[@]}")" --enable-parsers --enable-bsfs --enable-protocol=file,pipe \
  --enable-swscale --enable-swresample >configure.log
make -j"$(nproc)" >make.log 2>&1 || { tail -40 make.log; exit 1; }
make install >/dev/null

mkdir -p "$dest/bin" "$dest/lib"
cp install/bin/ffmpeg install/bin/ffprobe "$dest/bin/"
# ffmpeg's own libraries, and the few they link (x264, dav1d, zimg) that the runtime image has no package for; glibc
# and zlib are in every base image.
cp -P install/lib/*.so* "$dest/lib/"
LD_LIBRARY_PATH="$dest/lib" ldd "$dest/bin/ffmpeg" "$dest/bin/ffprobe" | awk '/=> \// { print $3 }' | sort -u \
  | grep -E 'libx264|libdav1d|libzimg' | xargs -r cp -L -t "$dest/lib/"
cd / && rm -rf "$build"
LD_LIBRARY_PATH="$dest/lib" "$dest/bin/ffmpeg" -hide_banner -version | head -1
