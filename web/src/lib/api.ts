// Types and calls for the Pixhaven HTTP API (/api/v1).

export interface PhotoSummary {
  uid: string;
  type: string;
  takenAt: string;
  title: string | null;
  width: number | null;
  height: number | null;
  thumbnailHash: string | null;
}

export interface PhotoPage {
  photos: PhotoSummary[];
  next: string | null;
}

export interface PhotoFile {
  id: number;
  path: string;
  name: string;
  size: number;
  mime: string | null;
  width: number | null;
  height: number | null;
  primary: boolean;
  duplicate: boolean;
  status: string;
  error: string | null;
}

export interface PhotoDetails {
  uid: string;
  takenAt: string;
  takenAtOffset: string | null;
  takenAtSource: 'auto' | 'fileName' | 'embedded' | 'sidecar' | 'manual';
  title: string | null;
  description: string | null;
  keywords: string[];
  make: string | null;
  model: string | null;
  lens: string | null;
  focalLength: number | null;
  fNumber: number | null;
  exposureTime: string | null;
  iso: number | null;
  lat: number | null;
  lng: number | null;
  altitude: number | null;
  width: number | null;
  height: number | null;
  files: PhotoFile[];
}

export interface Status {
  version: string;
  counts: { photos: number; files: number; skipped: number; failed: number; partial: number; missing: number };
  index: { running: boolean; progress: { phase: string; total: number; done: number } | null };
}

export type ThumbnailSize = 'tile_224' | 'tile_500' | 'fit_720' | 'fit_1280' | 'fit_1920' | 'fit_2560';

export function thumbnailUrl(hash: string, size: ThumbnailSize): string {
  return `/api/v1/t/${hash}/${size}`;
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

export function listPhotos(count: number, after: string | null, signal?: AbortSignal): Promise<PhotoPage> {
  const query = new URLSearchParams({ count: String(count) });
  if (after) query.set('after', after);
  return getJson<PhotoPage>(`/api/v1/photos?${query}`, signal);
}

export function getPhoto(uid: string, signal?: AbortSignal): Promise<PhotoDetails> {
  return getJson<PhotoDetails>(`/api/v1/photos/${encodeURIComponent(uid)}`, signal);
}

export function getStatus(signal?: AbortSignal): Promise<Status> {
  return getJson<Status>('/api/v1/status', signal);
}
