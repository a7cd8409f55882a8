import { t } from './strings';
import type { PhotoDetails, PhotoFile } from './api';

// The order a stack's files are listed in: the one shown first, then the other pictures, the RAW, the motion, the
// sidecars; copies of identical content last, as they add nothing but a place.
const typeOrder: Record<PhotoFile['type'], number> = { image: 0, raw: 1, video: 2, live: 2, sidecar: 3, unknown: 4 };

/** A photo's files as the info panel lists them: the primary file first, identical copies last. */
export function listedFiles(d: PhotoDetails): PhotoFile[] {
  return d.files
    .filter((f) => f.status !== 'removed')
    .sort((a, b) => Number(b.primary) - Number(a.primary) || Number(a.duplicate) - Number(b.duplicate)
      || typeOrder[a.type] - typeOrder[b.type] || a.path.localeCompare(b.path));
}

/** What the file is to its photo, "RAW (NEF)", "Live Photo motion (MOV)", "Sidecar (XMP)", with its size. */
export function fileDescription(file: PhotoFile, photo: PhotoDetails): string {
  const format = (file.format ?? file.name.split('.').pop() ?? '').toUpperCase();
  const kind = file.duplicate ? t('info.fileCopy')
    : file.type === 'raw' ? t('info.fileRaw', { format })
    : file.type === 'video' && photo.type === 'live' ? t('info.fileMotion', { format })
    : file.type === 'video' ? t('info.fileVideo', { format })
    : file.type === 'sidecar' ? t('info.fileSidecar', { format })
    : format;
  const pixels = file.type !== 'sidecar' && file.width && file.height ? `${file.width} × ${file.height}` : null;
  return [kind, pixels, byteSize(file.size), file.missing ? t('info.fileMissing') : null].filter(Boolean).join(' · ');
}

/** 2.3 MB, 14 KB: sizes as file managers show them (powers of 1024). */
export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const megabytes = bytes / (1024 * 1024);
  return megabytes < 1024 ? `${megabytes.toFixed(1)} MB` : `${(megabytes / 1024).toFixed(2)} GB`;
}
