// Which URL a video plays from. HEVC (every iPhone video) plays as it is in Safari, and in Chrome and Edge where the
// machine decodes it; other browsers get the server's H.264 transcode. A browser can say "probably" and still fail (a
// codec tag it refuses, a missing decoder), so a failed original falls back to the transcode once.

let hevc: boolean | undefined;

function playsHevc(): boolean {
  if (hevc === undefined) {
    const probe = document.createElement('video');
    // Main profile, level 3.1 in the 'hvc1' form Apple writes: what an iPhone video needs.
    hevc = probe.canPlayType('video/mp4; codecs="hvc1.1.6.L93.B0"') !== '';
  }
  return hevc;
}

/** The URL of a photo's video (or a Live Photo's motion), naming the codecs this browser plays beyond the usual. */
export function videoUrl(uid: string): string {
  const url = `/api/v1/photos/${encodeURIComponent(uid)}/video`;
  return playsHevc() ? `${url}?codecs=hevc` : url;
}

/**
 * Lets a video whose original this browser failed to play ask for the transcode instead: on an error, or when the
 * metadata arrives without a picture (Chrome without an HEVC decoder plays such a file's sound alone).
 */
export function fallBackToTranscode(video: HTMLVideoElement): void {
  const retry = () => {
    const url = new URL(video.currentSrc || video.src, location.href);
    if (!url.searchParams.has('codecs')) return;
    url.searchParams.delete('codecs');
    video.src = url.pathname + url.search;
  };
  video.addEventListener('error', retry);
  video.addEventListener('loadedmetadata', () => { if (video.videoWidth === 0) retry(); });
}
