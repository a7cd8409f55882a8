// Which URL a video plays from. HEVC (every iPhone video) plays as it is in Safari, and in Chrome and Edge where the
// machine decodes it; other browsers get the server's H.264 transcode. A browser can say "probably" and still fail (a
// codec tag it refuses, a missing decoder), so a failed original falls back to the transcode once. While the server
// transcodes, the player shows how far it is.

import { getVideoConversion } from './api';
import { t } from './strings';

let hevc: boolean | undefined;

function playsHevc(): boolean {
  if (hevc === undefined) {
    const probe = document.createElement('video');
    // Main profile, level 3.1 in the 'hvc1' form Apple writes: what an iPhone video needs.
    hevc = probe.canPlayType('video/mp4; codecs="hvc1.1.6.L93.B0"') !== '';
  }
  return hevc;
}

const photoPath = (uid: string) => `/api/v1/photos/${encodeURIComponent(uid)}`;
const sharedPhotoPath = (token: string, uid: string) => `/api/v1/s/${encodeURIComponent(token)}/photos/${encodeURIComponent(uid)}`;
const withCodecs = (url: string) => (playsHevc() ? `${url}?codecs=hevc` : url);

/** An animated GIF or WebP as it is: browsers play both. */
export const animationUrl = (uid: string) => `${photoPath(uid)}/animation`;
export const sharedAnimationUrl = (token: string, uid: string) => `${sharedPhotoPath(token, uid)}/animation`;

/** The URL of a photo's video (or a Live Photo's motion), naming the codecs this browser plays beyond the usual. */
export const videoUrl = (uid: string) => withCodecs(`${photoPath(uid)}/video`);
export const sharedVideoUrl = (token: string, uid: string) => withCodecs(`${sharedPhotoPath(token, uid)}/video`);

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
  const soundOnly = () => video.readyState >= HTMLMediaElement.HAVE_METADATA && video.videoWidth === 0;
  video.addEventListener('error', retry);
  video.addEventListener('loadedmetadata', () => { if (soundOnly()) retry(); });
  // The element starts loading as it is made: on a busy machine it may have failed before these listeners were added.
  if (video.error || soundOnly()) retry();
}

/**
 * Shows, over a video that has not started loading after a moment, how far the server's transcode for this browser
 * is; a long video takes a while before its first frame can be sent. Removed once the video has its metadata.
 */
export function showConversion(video: HTMLVideoElement): void {
  let label: HTMLElement | null = null;
  let timer: number | undefined;
  const stop = () => {
    window.clearTimeout(timer);
    label?.remove();
    label = null;
  };
  const poll = async () => {
    if (video.readyState > 0 || video.error || !video.isConnected) return stop();
    try {
      const conversion = await getVideoConversion(video.currentSrc || video.src);
      if (conversion.converting && video.readyState === 0 && video.isConnected) {
        if (!label) {
          label = document.createElement('p');
          label.className = 'pswp__converting';
          label.dataset.testid = 'video-converting';
          label.setAttribute('role', 'status');
          video.after(label);
        }
        label.textContent = conversion.waiting
          ? t('lightbox.waiting')
          : t('lightbox.converting', { percent: Math.floor((conversion.done ?? 0) * 100) });
      }
    } catch {
      // The video's own request says what went wrong, if anything did.
    }
    timer = window.setTimeout(poll, 1000);
  };
  video.addEventListener('loadstart', () => {
    stop();
    timer = window.setTimeout(poll, 700);
  });
  video.addEventListener('loadedmetadata', stop);
  video.addEventListener('error', stop);
}
