// A square around a marked face, for avatars: the face's box (fractions of the picture) widened so the head has room,
// kept inside the picture, as CSS for an <img> of the whole picture inside a square box with overflow hidden.
export type FaceBox = { x: number; y: number; width: number; height: number };

export function faceCropStyle(face: FaceBox, width: number | null | undefined, height: number | null | undefined): string {
  if (!width || !height) return 'width: 100%; height: 100%; object-fit: cover;';
  const side = Math.min(Math.max(face.width * width, face.height * height) * 1.8, width, height);
  const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);
  const left = clamp((face.x + face.width / 2) * width - side / 2, width - side);
  const top = clamp((face.y + face.height / 2) * height - side / 2, height - side);
  const percent = (value: number) => `${((value / side) * 100).toFixed(3)}%`;
  return `position: absolute; max-width: none; width: ${percent(width)}; height: ${percent(height)}; left: -${percent(left)}; top: -${percent(top)};`;
}

/** A person named on a photo without a box (Google Photos' people), whose region is the whole picture. */
export const isWholePicture = (face: FaceBox) => face.x <= 0 && face.y <= 0 && face.width >= 1 && face.height >= 1;

/** The search for one person's photos, by the person's slug. */
export const personQuery = (slug: string) => `person:"${slug.replaceAll('"', '')}"`;
