// The photo viewer's data: how a photo of the grid becomes a PhotoSwipe slide, and PhotoSwipe itself, loaded on the
// first open so that the grid view does not ship it.
import type PhotoSwipe from 'photoswipe';
import type { SlideData } from 'photoswipe';
import type { PhotoSummary, ThumbnailSize } from './api';
import { fitSrcset } from './thumbnails';
import { fallBackToTranscode, showConversion } from './playback';
import { t } from './strings';

/** A slide's content as the viewer's event handlers see it: PhotoSwipe's, with our slide fields. */
export type ViewerContent = {
  type: string;
  data: ViewerSlide;
  element: HTMLElement | undefined;
};

export type ViewerSlide = SlideData & { type: 'image' | 'video' | 'none'; videoSrc?: string; poster?: string; live?: boolean };

// Photos whose size is not known yet still open, at the shape of a common camera frame.
const unknownSize = { width: 1600, height: 1200 };

/** How a view opens the viewer: which slides, where, and what it wants to hear back. */
export interface ViewerOptions {
  /** The element the viewer fills; it follows the element's size (beside the info panel, for one). */
  host: HTMLElement;
  /** Where it opens, read when PhotoSwipe has loaded: the list may have changed meanwhile. */
  index: () => number;
  count: () => number;
  slide: (index: number) => ViewerSlide;
  onchange: (index: number) => void;
  onclose: () => void;
  /** Keys of the view's own, after the viewer's; true when handled. */
  onkey?: (event: KeyboardEvent) => boolean;
  /** A slide's image or video became the one on screen. */
  onactivate?: (element: HTMLElement, slide: ViewerSlide) => void;
}

/** The open viewer; close() takes it down without calling onclose. */
export interface Viewer {
  readonly pswp: PhotoSwipe;
  /**
   * The list changed under the viewer and the photo on screen stands at this index of it (a photo opened alone, placed
   * among its view's photos): its slide stays as it is (a playing video, a zoom); its neighbours come from the new list.
   */
  renumber(index: number): void;
  /**
   * The list grew around the photo on screen, which keeps its index (the grid loaded a page): a slide missing beside it
   * is made, and when there was none, the arrows and the count follow.
   */
  grow(): void;
  close(): void;
}

/**
 * Opens PhotoSwipe in the host: slides, zoom (wheel, pinch, double-click, + and − and 0), swipes and arrow keys are
 * PhotoSwipe's; video slides, test ids on the slide on screen, and keys typed into forms are ours. PhotoSwipe is
 * loaded with the first open, so that the grid view does not ship it.
 */
export async function openViewer(options: ViewerOptions): Promise<Viewer> {
  const [{ default: PhotoSwipeClass }] = await Promise.all([import('photoswipe'), import('photoswipe/style.css'), import('./viewer.css')]);
  const { host } = options;
  let closing = false;
  const pswp = new PhotoSwipeClass({
    appendToEl: host,
    getViewportSizeFn: () => ({ x: host.clientWidth, y: host.clientHeight }),
    index: options.index(),
    loop: false,
    wheelToZoom: true,
    bgOpacity: 1,
    showHideAnimationType: 'none',
    trapFocus: false,
    returnFocus: false,
    preloaderDelay: 400,
    // A click zooms; closing is the close button or Esc, so a stray click never loses a form beside the viewer.
    imageClickAction: 'zoom',
    bgClickAction: false,
    clickToCloseNonZoomable: false,
    closeTitle: t('lightbox.close'),
    zoomTitle: t('lightbox.zoom'),
    arrowPrevTitle: t('lightbox.previous'),
    arrowNextTitle: t('lightbox.next'),
    errorMsg: t('lightbox.notLoaded'),
  });
  pswp.addFilter('numItems', () => options.count());
  pswp.addFilter('itemData', (_, i) => options.slide(i));
  pswp.on('contentLoad', (event) => {
    const content = event.content as unknown as ViewerContent;
    if (content.type === 'video' || content.type === 'none') {
      event.preventDefault();
      content.element = content.type === 'video' ? videoElement(content.data) : document.createElement('div');
    }
  });
  // Only the slide on screen carries the test ids; PhotoSwipe keeps its neighbours in the page too.
  pswp.on('contentActivate', ({ content }) => activate(content as unknown as ViewerContent, true));
  pswp.on('contentDeactivate', ({ content }) => activate(content as unknown as ViewerContent, false));
  pswp.on('change', () => options.onchange(pswp.currIndex));
  pswp.on('keydown', (event) => {
    if (onKey(event.originalEvent)) event.preventDefault();
  });
  pswp.on('destroy', () => {
    resize.disconnect();
    if (!closing) options.onclose();
  });
  pswp.init();
  // Inside the view's dialog, PhotoSwipe's root is the group of slides, not a second dialog.
  pswp.element?.setAttribute('role', 'group');
  pswp.element?.setAttribute('aria-label', t('lightbox.slides'));
  const resize = new ResizeObserver(() => pswp.updateSize());
  resize.observe(host);

  function activate(content: ViewerContent, active: boolean) {
    const element = content.element;
    if (!element) return;
    const testId = element instanceof HTMLVideoElement ? 'lightbox-video' : element instanceof HTMLImageElement ? 'lightbox-image' : null;
    if (!testId) return;
    if (active) element.dataset.testid = testId;
    else delete element.dataset.testid;
    if (element instanceof HTMLVideoElement) {
      // A browser may refuse to play sound without a click first (a slideshow, a photo's address): then muted.
      if (active) element.play().catch((e: unknown) => {
        if (!(e instanceof DOMException && e.name === 'NotAllowedError')) return;
        element.muted = true;
        element.play().catch(() => {});
      });
      else element.pause();
    }
    if (active) options.onactivate?.(element, content.data);
  }

  /** The keys PhotoSwipe does not know. True when the key is not PhotoSwipe's to handle. */
  function onKey(event: KeyboardEvent): boolean {
    // Keys typed into a form are text, not commands.
    if (event.target instanceof Element && event.target.closest('input, textarea, select')) return true;
    const slide = pswp.currSlide;
    if (slide && (event.key === '+' || event.key === '=')) slide.zoomTo(Math.min(slide.zoomLevels.max, slide.currZoomLevel * 1.5), undefined, 250);
    else if (slide && event.key === '-') slide.zoomTo(Math.max(slide.zoomLevels.fit, slide.currZoomLevel / 1.5), undefined, 250);
    else if (slide && event.key === '0') slide.zoomTo(slide.zoomLevels.fit, undefined, 250);
    else if (!options.onkey?.(event)) return false;
    event.preventDefault();
    return true;
  }

  // PhotoSwipe has no way to move its slides to other indices: they and its cached contents carry their index, so the
  // slide on screen takes the new one and every other slide and content is dropped, to be made again from the new list.
  function renumber(index: number) {
    const current = pswp.currSlide;
    if (!current) return;
    const { itemHolders } = pswp.mainScroll;
    for (const holder of itemHolders) {
      if (holder.slide && holder.slide !== current) {
        holder.slide.destroy();
        holder.slide = undefined;
      }
    }
    const loader = pswp.contentLoader;
    for (const content of loader._cachedItems.filter((c) => c !== current.content)) {
      loader.removeByIndex(content.index);
      content.destroy();
    }
    current.index = index;
    current.content.index = index;
    pswp.currIndex = pswp.potentialIndex = index;
    addNeighbours();
    loader.updateLazy();
    // The arrows, the counter and the view learn the new place as after a move.
    pswp.dispatch('change');
  }

  function grow() {
    // Not on every page: a change restarts the slideshow's time on the photo.
    if (addNeighbours()) pswp.dispatch('change');
  }

  /** Makes the slides missing beside the one on screen; true when there was one to make. */
  function addNeighbours(): boolean {
    const [before, , after] = pswp.mainScroll.itemHolders;
    let added = false;
    for (const [holder, index] of [[before, pswp.currIndex - 1], [after, pswp.currIndex + 1]] as const) {
      if (holder && !holder.slide && index >= 0 && index < pswp.getNumItems()) {
        pswp.setContent(holder, index);
        added = true;
      }
    }
    return added;
  }

  return {
    pswp,
    renumber,
    grow,
    close() {
      closing = true;
      pswp.destroy();
    },
  };
}

/**
 * Opens the viewer for a component's lifetime: returns the clean-up for onMount or $effect, which also takes down
 * a viewer that finishes loading after the component is gone.
 */
export function mountViewer(options: ViewerOptions, onopen?: (viewer: Viewer) => void): () => void {
  let viewer: Viewer | null = null;
  let gone = false;
  // A viewer that finishes loading after its component is gone tells it no change: PhotoSwipe's init reports one,
  // which would set the gone component's index and so open the viewer again. (close() already keeps onclose quiet.)
  const live: ViewerOptions = { ...options, onchange: (index) => { if (!gone) options.onchange(index); } };
  openViewer(live).then((opened) => {
    if (gone) return opened.close();
    viewer = opened;
    onopen?.(opened);
  });
  return () => {
    gone = true;
    viewer?.close();
  };
}

function videoElement(slide: ViewerSlide): HTMLVideoElement {
  const video = document.createElement('video');
  video.className = 'pswp__video';
  video.src = slide.videoSrc ?? '';
  if (slide.poster) video.poster = slide.poster;
  video.controls = true;
  video.playsInline = true;
  video.preload = 'metadata';
  // The controls take the pointer; a drag on them would otherwise also swipe to the next slide.
  video.addEventListener('pointerdown', (e) => e.stopPropagation());
  fallBackToTranscode(video);
  showConversion(video);
  return video;
}

/** What the viewer needs of a photo; the library's and a share link's photos both have it. */
export interface ViewerPhoto {
  width: number | null;
  height: number | null;
  type: PhotoSummary['type'];
  title: string | null;
}

/**
 * One photo as a slide. thumbnail gives a size's URL, or is null when there is no preview; videoSrc makes a video
 * slide, animationSrc an animated GIF or WebP that plays.
 */
export function slideOf(photo: ViewerPhoto | undefined, thumbnail: ((size: ThumbnailSize) => string) | null, videoSrc?: string, animationSrc?: string): ViewerSlide {
  if (!photo) return { type: 'none', ...unknownSize };
  const size = photo.width && photo.height ? { width: photo.width, height: photo.height } : unknownSize;
  if (videoSrc) return { type: 'video', ...size, videoSrc, poster: thumbnail?.('fit_1280') };
  if (animationSrc) return { type: 'image', ...size, src: animationSrc, alt: photo.title ?? '', live: false };
  if (!thumbnail) return { type: 'none', ...size };
  return {
    type: 'image',
    ...size,
    src: thumbnail('fit_1280'),
    // PhotoSwipe raises the displayed size while zooming, so a zoomed photo gets the largest.
    srcset: fitSrcset(size.width, size.height, ['fit_1280', 'fit_1920', 'fit_2560'], thumbnail),
    alt: photo.title ?? '',
    live: photo.type === 'live',
  };
}
