// The justified layout of the photo grid, kept incrementally: rows that are full never move again, so a new page of
// photos costs only its own layout, not a new layout of everything loaded before (100,000 photos are 800+ pages).
import justifiedLayout from 'justified-layout';

export interface Box { left: number; top: number; width: number; height: number }

interface Sized { uid: string; width?: number | null; height?: number | null }

const spacing = 4;

export class GridLayout {
  private width = 0;
  private firstUid: string | undefined;
  /** Boxes of the photos in full rows, in order; they are final. */
  private fixed: Box[] = [];
  private fixedHeight = 0;

  /** Lays the row of this photo, and every row after it, out again at the next update: the photo changed shape. */
  relayoutFrom(index: number) {
    if (index >= this.fixed.length) return;
    const top = this.fixed[index].top;
    let start = index;
    while (start > 0 && this.fixed[start - 1].top === top) start--;
    this.fixed = this.fixed.slice(0, start);
    this.fixedHeight = top;
  }

  /** The boxes of all photos and the grid's height; the last row is laid out again until the list is complete. */
  update(photos: readonly Sized[], width: number, complete: boolean): { boxes: Box[]; height: number } {
    if (width <= 0) return { boxes: [], height: 0 };
    // Another list (a new search) or another width starts over.
    if (width !== this.width || photos[0]?.uid !== this.firstUid || photos.length < this.fixed.length) {
      this.width = width;
      this.firstUid = photos[0]?.uid;
      this.fixed = [];
      this.fixedHeight = 0;
    }

    const rest = photos.slice(this.fixed.length);
    const result = justifiedLayout(
      rest.map((p) => (p.width && p.height ? p.width / p.height : 1)),
      { containerWidth: width, targetRowHeight: width < 600 ? 140 : 220, boxSpacing: spacing, containerPadding: 0 },
    );
    const placed = result.boxes.map((b) => ({ left: b.left, top: b.top + this.fixedHeight, width: b.width, height: b.height }));
    const boxes = this.fixed.concat(placed);
    const height = this.fixedHeight + result.containerHeight;

    // Every row but the last is final now (all of them once the list is complete).
    const lastTop = placed.length ? placed[placed.length - 1].top : 0;
    const settled = complete ? placed : placed.filter((b) => b.top < lastTop);
    if (settled.length) {
      this.fixed = this.fixed.concat(settled);
      const last = settled[settled.length - 1];
      this.fixedHeight = last.top + last.height + spacing;
    }
    return { boxes, height };
  }
}
