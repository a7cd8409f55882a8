// The viewer's slideshow: each photo for a while, each video to its end, then the next, until the last.
import type { Viewer } from './viewer';

const key = 'pixhaven-slideshow-seconds';

/** The paces offered, in seconds per photo. */
export const slideshowPaces = [2, 3, 5, 10, 20] as const;

/** Seconds per photo, as chosen in this browser; 5 unless chosen. */
export function savedPace(): number {
  const seconds = Number(globalThis.localStorage?.getItem(key));
  return (slideshowPaces as readonly number[]).includes(seconds) ? seconds : 5;
}

export function savePace(seconds: number) {
  globalThis.localStorage?.setItem(key, String(seconds));
}

/**
 * Plays the open viewer's slides one after another from the one shown, and answers the slideshow's stop. Going to
 * another photo meanwhile (arrows, a swipe) gives that one its full time; a photo zoomed into stays until zoomed out.
 * onend: the last photo has had its time, or the viewer could go no further.
 */
export function playSlideshow(viewer: Viewer, onend: () => void): () => void {
  const { pswp } = viewer;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function advance() {
    // A photo zoomed into is being looked at: it keeps the screen, and has its time again once zoomed out.
    const slide = pswp.currSlide;
    if (slide && slide.currZoomLevel > slide.zoomLevels.fit) {
      timer = setTimeout(advance, savedPace() * 1000);
      return;
    }
    const from = pswp.currIndex;
    // The view may have loaded more photos meanwhile: the count is asked each time.
    if (from < pswp.getNumItems() - 1) pswp.next();
    if (pswp.currIndex === from) {
      stop();
      onend();
    }
  }

  function schedule() {
    clearTimeout(timer);
    // A video plays to its end (or until it fails): the 'ended' listener below moves on. One seen to its end already
    // is shown as a photo.
    const element = pswp.currSlide?.content.element;
    if (pswp.currSlide?.data.type !== 'video' || (element instanceof HTMLVideoElement && element.ended)) {
      timer = setTimeout(advance, savedPace() * 1000);
    }
  }

  // Media events do not bubble, but they pass the viewer's element on their way down: caught there, for whichever
  // video is on screen.
  function shown(event: Event): HTMLVideoElement | null {
    // Our video slides' elements are videos; PhotoSwipe's types know only its images.
    const element = pswp.currSlide?.content.element as HTMLElement | undefined;
    return event.target instanceof HTMLVideoElement && event.target === element ? event.target : null;
  }

  function finished(event: Event) {
    if (shown(event)) advance();
  }

  // A video this browser cannot play asks for the server's transcode on its error (playback.ts), after this hears it:
  // only one still failing once that has had its turn moves on.
  function failed(event: Event) {
    const video = shown(event);
    if (video) setTimeout(() => { if (video.error && video === shown(event)) advance(); });
  }

  function stop() {
    clearTimeout(timer);
    pswp.off('change', schedule);
    pswp.element?.removeEventListener('ended', finished, true);
    pswp.element?.removeEventListener('error', failed, true);
  }

  pswp.on('change', schedule);
  pswp.element?.addEventListener('ended', finished, true);
  pswp.element?.addEventListener('error', failed, true);
  schedule();
  return stop;
}

/** A view's slideshow switch, for its button and its key: whether it plays, and turning it on and off. */
export class SlideshowSwitch {
  playing = $state(false);
  #stop: (() => void) | null = null;

  toggle(viewer: Viewer | null) {
    if (this.#stop) {
      this.off();
    } else if (viewer) {
      this.#stop = playSlideshow(viewer, () => this.off());
      this.playing = true;
    }
  }

  off() {
    this.#stop?.();
    this.#stop = null;
    this.playing = false;
  }
}
