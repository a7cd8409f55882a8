// Autocomplete for the search bar and the chips of its filters. Suggestions come from what the library holds (labels,
// people, albums, places, cameras), loaded once when the search bar is first used.
import { listAlbums, listCameras, listLabels, listPeople, listPlaces } from './api';

export interface Suggestion { query: string; label: string }

type Vocabulary = Record<'label' | 'person' | 'album' | 'country' | 'camera', { value: string; name: string }[]>;

let vocabulary: Promise<Vocabulary> | null = null;

function load(): Promise<Vocabulary> {
  vocabulary ??= Promise.all([listLabels(), listPeople(), listAlbums(), listPlaces(), listCameras()]).then(([labels, people, albums, places, cameras]) => ({
    label: labels.map((l) => ({ value: l.slug, name: l.name })),
    person: people.filter((p) => !p.hidden).map((p) => ({ value: p.slug, name: p.name })),
    album: albums.map((a) => ({ value: a.title, name: a.title })),
    country: places.map((p) => ({ value: p.countryCode.toLowerCase(), name: p.name })),
    // Every model, exact as the files name it; its camera's display name ("Nikon D90" for "NIKON D90") also finds it.
    camera: cameras.map((c) => ({ value: c.model, name: c.name })),
  })).catch(() => { vocabulary = null; return { label: [], person: [], album: [], country: [], camera: [] }; });
  return vocabulary;
}

/** A filter value, quoted when it has a space or a character the query language reads itself. */
const quote = (value: string) => (/[\s"|:]/.test(value) ? `"${value.replaceAll('"', '')}"` : value);

/** Splits a query into its terms: key:value (value maybe quoted), quoted phrases and words. */
export function terms(query: string): string[] {
  return query.match(/-?[\w.]+:(?:"[^"]*"?|\S*)|"[^"]*"?|\S+/g) ?? [];
}

/** Suggestions that complete the last term of what is typed, as whole queries. */
export async function suggest(draft: string): Promise<Suggestion[]> {
  const list = terms(draft);
  const last = draft.endsWith(' ') ? '' : (list.at(-1) ?? '');
  if (!last) return [];
  const head = draft.slice(0, draft.length - last.length);
  const words = await load();
  const colon = last.indexOf(':');
  const key = colon > 0 ? last.slice(0, colon).replace(/^-/, '') : null;
  const partial = (colon > 0 ? last.slice(colon + 1) : last).replaceAll('"', '').toLowerCase();
  const kinds = (key ? [key] : Object.keys(words)).filter((k): k is keyof Vocabulary => k in words);
  const found: Suggestion[] = [];
  for (const kind of kinds) {
    for (const word of words[kind]) {
      if (!word.name.toLowerCase().includes(partial) && !word.value.toLowerCase().includes(partial)) continue;
      const term = `${last.startsWith('-') ? '-' : ''}${kind}:${quote(word.value)}`;
      found.push({ query: `${head}${term} `, label: kind === 'country' || ((kind === 'person' || kind === 'camera') && word.name.toLowerCase() !== word.value.toLowerCase()) ? `${term} (${word.name})` : term });
      if (found.length >= 12) return found;
    }
  }
  return found;
}
