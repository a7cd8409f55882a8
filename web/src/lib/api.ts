// Calls for the Pixhaven HTTP API (/api/v1). The types come from api/openapi.json, generated into api-schema.d.ts by
// the build (npm run api), so a change of the server's API shows up here as a type error.
import type { components } from './api-schema';

type Schemas = components['schemas'];
export type PhotoSummary = Schemas['PhotoSummary'];
export type PhotoPage = Schemas['PhotoPage'];
export type PhotoDetails = Schemas['PhotoDetails'];
export type PhotoFile = Schemas['PhotoFileDetails'];
export type Status = Schemas['StatusResponse'];
export type VideoConversion = Schemas['VideoConversion'];
export type FacetCount = Schemas['FacetCount'];
export type AlbumSummary = Schemas['AlbumSummary'];
export type SessionInfo = Schemas['SessionInfo'];
export type PhotoOrder = 'newest' | 'oldest' | 'added' | 'edited' | 'name' | 'size' | 'random' | 'relevance';

export type ThumbnailSize = 'tile_224' | 'tile_500' | 'fit_360' | 'fit_720' | 'fit_1280' | 'fit_1920' | 'fit_2560';

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

// Set from the session: thumbnail and download URLs carry the library's preview and download tokens, so they work
// without a cookie (caches, download managers) but cannot be guessed.
let previewToken = '';
let downloadToken = '';
let csrfToken = '';

export function useSession(session: SessionInfo | null) {
  previewToken = session?.previewToken ?? '';
  downloadToken = session?.downloadToken ?? '';
  csrfToken = session?.csrfToken ?? '';
}

export function thumbnailUrl(hash: string, size: ThumbnailSize): string {
  return `/api/v1/t/${hash}/${previewToken}/${size}`;
}

export function downloadUrl(hash: string): string {
  return `/api/v1/dl/${hash}/${downloadToken}`;
}

async function failure(url: string, response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: string; position?: number | null } | null;
  return new ApiError(body?.error ?? `${url}: ${response.status} ${response.statusText}`, response.status, body?.position ?? null);
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) throw await failure(url, response);
  return (await response.json()) as T;
}

/** A write: JSON in, JSON (or nothing) out, with the session's CSRF token. */
async function send<T>(method: string, url: string, body?: unknown): Promise<T | null> {
  const response = await fetch(url, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await failure(url, response);
  // 202 and 204 answers may have no body at all.
  const text = await response.text();
  return text ? (JSON.parse(text) as T) : null;
}

/** The signed-in session, or null when nobody is signed in. */
export async function getSession(): Promise<SessionInfo | null> {
  try {
    return await getJson<SessionInfo>('/api/v1/session');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function signIn(name: string, password: string): Promise<SessionInfo> {
  return (await send<SessionInfo>('POST', '/api/v1/session', { name, password }))!;
}

export async function signOut(): Promise<void> {
  await send('DELETE', '/api/v1/session');
}

export async function completeSetup(token: string, name: string, password: string): Promise<void> {
  await send('POST', '/api/v1/setup', { token, name, password });
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

/**
 * Where a photo stands among a search's photos in an order (or an album's): how many come before it; null when they do
 * not include it.
 */
export async function photoPosition(uid: string, q: string, order: PhotoOrder, album: string | null): Promise<number | null> {
  const url = album
    ? `/api/v1/albums/${encodeURIComponent(album)}/photos/${encodeURIComponent(uid)}/position`
    : `/api/v1/photos/${encodeURIComponent(uid)}/position?${new URLSearchParams({ q, order })}`;
  try {
    return (await getJson<Schemas['PhotoPosition']>(url)).index;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** The number of photos matching the search per year taken, newest year first. */
export function getYears(q: string, signal?: AbortSignal): Promise<FacetCount[]> {
  return getJson<FacetCount[]>(`/api/v1/photos/years?${new URLSearchParams({ q })}`, signal);
}

export type PhotoEdit = Schemas['PhotoEdit'];
export const editPhoto = (uid: string, edit: PhotoEdit) => send<PhotoDetails>('PATCH', `/api/v1/photos/${encodeURIComponent(uid)}`, edit);

export function getPhoto(uid: string, signal?: AbortSignal): Promise<PhotoDetails> {
  return getJson<PhotoDetails>(`/api/v1/photos/${encodeURIComponent(uid)}`, signal);
}

/** Starts moving the import folder's files into originals and indexing them. */
export const startImport = () => send('POST', '/api/v1/import');

/**
 * Uploads one file into the import inbox, resumably (tus): it is sent in chunks, a dropped connection is retried and
 * continues from the byte the server has, and so does the same file chosen again after a reload. Reports the share
 * sent (0..1). tus-js-client loads only when something is uploaded.
 */
export async function uploadResumable(folder: string, file: File, onprogress: (sent: number) => void): Promise<void> {
  const { Upload } = await import('tus-js-client');
  return new Promise((resolve, reject) => {
    const upload = new Upload(file, {
      endpoint: '/api/v1/uploads',
      chunkSize: 8 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000],
      metadata: { filename: file.name, folder },
      headers: { 'X-CSRF-Token': csrfToken },
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => onprogress(total ? sent / total : 1),
      onSuccess: () => resolve(),
      onError: (error) => {
        const body = (error as { originalResponse?: { getBody(): string } | null }).originalResponse?.getBody();
        let message = error.message;
        try { message = (JSON.parse(body ?? '') as { error?: string }).error ?? message; } catch { /* not JSON: keep the client's message */ }
        reject(new ApiError(message, 0, null));
      },
    });
    upload.findPreviousUploads().then((previous) => {
      if (previous.length) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    }, reject);
  });
}

/** Whether a video is being transcoded for browsers; url is the video's own (…/photos/{uid}/video). */
export function getVideoConversion(url: string): Promise<VideoConversion> {
  return getJson<VideoConversion>(`${new URL(url, location.href).pathname}/progress`);
}

export function getStatus(signal?: AbortSignal): Promise<Status> {
  return getJson<Status>('/api/v1/status', signal);
}

export type SessionSummary = Schemas['SessionSummary'];
export type UserSummary = Schemas['UserSummary'];
export type UserRole = Schemas['UserRole'];
export type ShareSummary = Schemas['ShareSummary'];

export const listSessions = () => getJson<SessionSummary[]>('/api/v1/sessions');
export const revokeSession = (uid: string) => send('DELETE', `/api/v1/sessions/${encodeURIComponent(uid)}`);
export const createAppPassword = async (name: string, scopes: string[]) =>
  (await send<Schemas['AppPasswordCreated']>('POST', '/api/v1/app-passwords', { name, scopes }))!;

export const listUsers = () => getJson<UserSummary[]>('/api/v1/users');
export const addUser = (name: string, password: string, role: UserRole) => send('POST', '/api/v1/users', { name, password, role });
export const setUserRole = (name: string, role: UserRole) => send('PATCH', `/api/v1/users/${encodeURIComponent(name)}`, { role });
export const removeUser = (name: string) => send('DELETE', `/api/v1/users/${encodeURIComponent(name)}`);
export const setUserPassword = (name: string, password: string) => send('PATCH', `/api/v1/users/${encodeURIComponent(name)}`, { password });
export const rotateLinkTokens = () => send('POST', '/api/v1/preview-token');

export const listShares = () => getJson<ShareSummary[]>('/api/v1/shares');
export const revokeShare = (uid: string) => send('DELETE', `/api/v1/shares/${encodeURIComponent(uid)}`);

export type Moment = Schemas['Moment'];
export const listAlbums = () => getJson<AlbumSummary[]>('/api/v1/albums');
export const getAlbum = (uid: string) => getJson<AlbumSummary>(`/api/v1/albums/${encodeURIComponent(uid)}`);
export const listMoments = () => getJson<Moment[]>('/api/v1/moments');
export function listAlbumPhotos(uid: string, count: number, after: string | null): Promise<PhotoPage> {
  const query = new URLSearchParams({ count: String(count) });
  if (after) query.set('after', after);
  return getJson<PhotoPage>(`/api/v1/albums/${encodeURIComponent(uid)}/photos?${query}`);
}

export type PlaceCount = Schemas['PlaceCount'];
export type CalendarMonth = Schemas['CalendarMonth'];
export const listPlaces = () => getJson<PlaceCount[]>('/api/v1/places');
export type PlaceCluster = Schemas['PlaceCluster'];
export function listClusters(west: number, south: number, east: number, north: number, zoom: number, signal?: AbortSignal): Promise<PlaceCluster[]> {
  const bbox = [west, south, east, north].map((v) => v.toFixed(4)).join(',');
  return getJson<PlaceCluster[]>(`/api/v1/places/clusters?bbox=${bbox}&zoom=${zoom}`, signal);
}
export const listCalendar = () => getJson<CalendarMonth[]>('/api/v1/calendar');
export type LabelCount = Schemas['LabelCount'];
export type FolderCount = Schemas['FolderCount'];
export const listLabels = () => getJson<LabelCount[]>('/api/v1/labels');
export type CameraCount = Schemas['CameraCount'];
export const listCameras = () => getJson<CameraCount[]>('/api/v1/cameras');
export type PersonCount = Schemas['PersonCount'];
export const listPeople = () => getJson<PersonCount[]>('/api/v1/people');
export const changePerson = (slug: string, change: { name?: string; hidden?: boolean }) => send('PATCH', `/api/v1/people/${encodeURIComponent(slug)}`, change);
export const listFolders = (path: string) => getJson<FolderCount[]>(`/api/v1/folders?path=${encodeURIComponent(path)}`);

// Organising a selection of photos (the grid's batch toolbar).
export const createAlbum = async (title: string) => (await send<AlbumSummary>('POST', '/api/v1/albums', { title }))!;
export const addToAlbum = (album: string, photos: string[]) => send('POST', `/api/v1/albums/${encodeURIComponent(album)}/photos`, { photos });
export const editPhotos = (photos: string[], values: PhotoEdit) => send('POST', '/api/v1/batch/photos/edit', { photos, values });
export const archivePhotos = (photos: string[]) => send('POST', '/api/v1/batch/photos/archive', { photos });
export const restorePhotos = (photos: string[]) => send('POST', '/api/v1/batch/photos/restore', { photos });
export const prepareZip = async (photos: string[]) => (await send<Schemas['ZipPrepared']>('POST', '/api/v1/batch/photos/zip', { photos }))!;
export const createShare = async (request: Schemas['ShareRequest']) => (await send<Schemas['ShareCreated']>('POST', '/api/v1/shares', request))!;

// The Library view: the index job's live progress and the log of its runs.
export type LibraryActivity = Schemas['LibraryActivity'];
export type ImportLeftFile = Schemas['ImportLeftFile'];
export type IndexRun = Schemas['IndexRunSummary'];
export type IndexProblem = Schemas['IndexProblem'];
export const listRuns = (count = 10) => getJson<IndexRun[]>(`/api/v1/library/runs?count=${count}`);
export const listProblems = () => getJson<IndexProblem[]>('/api/v1/files/problems');
export const startIndex = (force = false) => send('POST', `/api/v1/index${force ? '?force=true' : ''}`);
export type CleanupResult = Schemas['CleanupResult'];
export const cleanUpStorage = async () => (await send<CleanupResult>('POST', '/api/v1/library/cleanup'))!;

/** Follows the library's activity (server-sent events); answers a function that stops following. */
export function watchActivity(onactivity: (activity: LibraryActivity) => void): () => void {
  const source = new EventSource('/api/v1/library/activity');
  source.addEventListener('activity', (e) => onactivity(JSON.parse((e as MessageEvent<string>).data) as LibraryActivity));
  return () => source.close();
}

// A share link, as a guest sees it (no session: the token in the address is the key).
export type ShareInfo = Schemas['ShareInfo'];
export type SharedPhoto = Schemas['SharedPhoto'];
const sharePath = (token: string) => `/api/v1/s/${encodeURIComponent(token)}`;
export const openShare = (token: string) => getJson<ShareInfo>(sharePath(token));
export const unlockShare = (token: string, password: string) => send('POST', `${sharePath(token)}/unlock`, { password });
export function listSharedPhotos(token: string, after: number | null): Promise<Schemas['SharedPhotoPage']> {
  return getJson(`${sharePath(token)}/photos?count=200${after === null ? '' : `&after=${after}`}`);
}
export const sharedThumbnailUrl = (token: string, uid: string, size: ThumbnailSize) => `${sharePath(token)}/photos/${encodeURIComponent(uid)}/t/${size}`;
export const sharedDownloadUrl = (token: string, uid: string) => `${sharePath(token)}/photos/${encodeURIComponent(uid)}/download`;

// Options an admin may change while the server runs.
export type ServerSetting = Schemas['Setting'];
export const listSettings = () => getJson<ServerSetting[]>('/api/v1/settings');
export const changeSetting = (name: string, value: string) => send<ServerSetting[]>('PATCH', '/api/v1/settings', { [name]: value });

// One album's own changes (the album page and its selection).
export const updateAlbum = async (uid: string, change: { title?: string; description?: string; cover?: string }) =>
  (await send<AlbumSummary>('PATCH', `/api/v1/albums/${encodeURIComponent(uid)}`, { title: null, description: null, cover: null, ...change }))!;
export const deleteAlbum = (uid: string) => send('DELETE', `/api/v1/albums/${encodeURIComponent(uid)}`);
export const removeFromAlbum = (uid: string, photos: string[]) => send('DELETE', `/api/v1/albums/${encodeURIComponent(uid)}/photos`, { photos });
export const moveToAlbumStart = (uid: string, photos: string[]) => send('PUT', `/api/v1/albums/${encodeURIComponent(uid)}/order`, { photos });
