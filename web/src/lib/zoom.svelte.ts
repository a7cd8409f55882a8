// Zoom and pan for the viewer's image: the wheel and double-click zoom at the pointer, two fingers pinch, one finger
// or the mouse pans a zoomed image, and a horizontal swipe on an unzoomed one goes to the next or previous photo.
const maxScale = 8;

export class Zoom {
  scale = $state(1);
  x = $state(0);
  y = $state(0);
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private pinchStart: { distance: number; scale: number } | null = null;
  private swipeStart: { x: number; y: number } | null = null;

  constructor(private readonly onswipe: (direction: 1 | -1) => void) {}

  get transform(): string {
    return this.scale === 1 ? '' : `translate(${this.x}px, ${this.y}px) scale(${this.scale})`;
  }

  reset() {
    this.scale = 1;
    this.x = 0;
    this.y = 0;
  }

  /** Zooms by a factor around a point given relative to the image's centre (the centre itself by default). */
  by(factor: number, around = { x: 0, y: 0 }) {
    const next = Math.min(maxScale, Math.max(1, this.scale * factor));
    if (next === 1) return this.reset();
    const applied = next / this.scale;
    // Keep the point under the pointer where it is.
    this.x = around.x - (around.x - this.x) * applied;
    this.y = around.y - (around.y - this.y) * applied;
    this.scale = next;
  }

  private around(event: MouseEvent) {
    const box = (event.currentTarget as HTMLElement).parentElement!.getBoundingClientRect();
    return { x: event.clientX - box.left - box.width / 2, y: event.clientY - box.top - box.height / 2 };
  }

  wheel(event: WheelEvent) {
    event.preventDefault();
    this.by(Math.exp(-event.deltaY / 300), this.around(event));
  }

  toggle(event: MouseEvent) {
    if (this.scale > 1) this.reset();
    else this.by(2.5, this.around(event));
  }

  down(event: PointerEvent) {
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pointers.size === 2) {
      this.pinchStart = { distance: this.distance(), scale: this.scale };
      this.swipeStart = null;
    } else if (this.scale === 1) {
      this.swipeStart = { x: event.clientX, y: event.clientY };
    }
  }

  move(event: PointerEvent) {
    const last = this.pointers.get(event.pointerId);
    if (!last) return;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pinchStart && this.pointers.size === 2) {
      this.by((this.pinchStart.scale * this.distance()) / this.pinchStart.distance / this.scale);
    } else if (this.scale > 1) {
      this.x += event.clientX - last.x;
      this.y += event.clientY - last.y;
    }
  }

  up(event: PointerEvent) {
    this.pointers.delete(event.pointerId);
    if (this.pointers.size < 2) this.pinchStart = null;
    if (this.swipeStart && this.pointers.size === 0) {
      const dx = event.clientX - this.swipeStart.x;
      const dy = event.clientY - this.swipeStart.y;
      if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) this.onswipe(dx < 0 ? 1 : -1);
      this.swipeStart = null;
    }
  }

  private distance(): number {
    const [a, b] = [...this.pointers.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  }
}
