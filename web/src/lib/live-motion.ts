import type { Viewer, ViewerSlide } from './viewer';

/**
 * Plays a Live Photo's motion the way phones taught people to expect: while a mouse rests on its still (unless zoomed
 * in, where the pointer is for panning) or while a finger holds it (a long press, which browsers announce as a context
 * menu). For the viewer's onactivate; each still gets its listeners once.
 */
export function playMotionOnHoverOrPress(viewer: () => Viewer | null, play: () => void): (element: HTMLElement, slide: ViewerSlide) => void {
  return (element, slide) => {
    if (!slide.live || element.dataset.motion) return;
    element.dataset.motion = 'on';
    element.addEventListener('pointerenter', (e) => {
      const current = viewer()?.pswp.currSlide;
      if (e.pointerType === 'mouse' && current && current.currZoomLevel <= current.zoomLevels.fit) play();
    });
    element.addEventListener('contextmenu', (e) => {
      e.preventDefault();
      play();
    });
  };
}

/** The motion's own handlers: it stops when the mouse leaves it or the finger lets go. Spread onto its video element. */
export function stopMotionOnRelease(stop: () => void) {
  return {
    onpointerleave: (e: PointerEvent) => { if (e.pointerType === 'mouse') stop(); },
    onpointerup: (e: PointerEvent) => { if (e.pointerType !== 'mouse') stop(); },
  };
}
