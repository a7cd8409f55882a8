// Calls for the Pixhaven HTTP API (/api/v1). The types come from api/openapi.json, generated into api-schema.d.ts by
// the build (npm run api), so a change of the server's API shows up here as a type error.
import type { components } from './api-schema';

type Schemas = components['schemas'];
export type PhotoSummary = Schemas['PhotoSummary'];
export type PhotoPage = Schemas['PhotoPage'];
export type PhotoDetails = Schemas['PhotoDetails'];
export type PhotoFile = Schemas['PhotoFileDetails'];
export type Status = Schemas['StatusResponse'];
export type SearchFacets = Schemas['SearchFacets'];
export type AlbumSummary = Schemas['AlbumSummary'];
export type PhotoOrder = 'newest' | 'oldest' | 'added' | 'edited' | 'name' | 'size' | 'random' | 'relevance';

export type ThumbnailSize = 'tile_224' | 'tile_500' | 'fit_720' | 'fit_1280' | 'fit_1920' | 'fit_2560';

/** The body of a 4xx answer; a search error also says where the bad token starts. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly position: number | null = null,
  ) {
    super(message);
  }
}

export function thumbnailUrl(hash: string, size: ThumbnailSize): string {
  return `/api/v1/t/${hash}/${size}`;
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string; position?: number | null } | null;
    throw new ApiError(body?.error ?? `${url}: ${response.status} ${response.statusText}`, response.status, body?.position ?? null);
  }
  return (await response.json()) as T;
}

export function listPhotos(
  count: number,
  after: string | null,
  signal?: AbortSignal,
  q = '',
  order: PhotoOrder = 'newest',
): Promise<PhotoPage> {
  const query = new URLSearchParams({ count: String(count), order });
  if (q) query.set('q', q);
  if (after) query.set('after', after);
  return getJson<PhotoPage>(`/api/v1/photos?${query}`, signal);
}

export function getFacets(q: string, signal?: AbortSignal): Promise<SearchFacets> {
  return getJson<SearchFacets>(`/api/v1/photos/facets?${new URLSearchParams({ q })}`, signal);
}

export function getPhoto(uid: string, signal?: AbortSignal): Promise<PhotoDetails> {
  return getJson<PhotoDetails>(`/api/v1/photos/${encodeURIComponent(uid)}`, signal);
}

export function getStatus(signal?: AbortSignal): Promise<Status> {
  return getJson<Status>('/api/v1/status', signal);
}
