// Which thumbnail to load: the fit_* sizes are the original scaled down into a box (never up), so their widths
// follow from the photo's size, and a srcset lets the browser take the smallest that is sharp where it is shown.
import type { ThumbnailSize } from './api';

const fitBoxes: Partial<Record<ThumbnailSize, [number, number]>> = {
  fit_360: [360, 360],
  fit_720: [720, 720],
  fit_1280: [1280, 1024],
  fit_1920: [1920, 1200],
  fit_2560: [2560, 1600],
};

/** A srcset of the given fit sizes for a photo of this size; empty when the size is not known. */
export function fitSrcset(width: number | null, height: number | null, sizes: ThumbnailSize[], url: (size: ThumbnailSize) => string): string {
  if (!width || !height) return '';
  const widths = new Map<number, string>();
  for (const size of sizes) {
    const [boxWidth, boxHeight] = fitBoxes[size] ?? [0, 0];
    const scaled = Math.round(width * Math.min(1, boxWidth / width, boxHeight / height));
    if (scaled > 0 && !widths.has(scaled)) widths.set(scaled, url(size));
  }
  return [...widths].map(([w, u]) => `${u} ${w}w`).join(', ');
}

/** The sizes a grid tile chooses from: half-size rows on ordinary screens, the full grid size on HiDPI ones. */
export const gridSizes: ThumbnailSize[] = ['fit_360', 'fit_720'];
