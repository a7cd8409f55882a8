// A short message at the bottom of the screen after an action ("3 photos added to Trip"), which outlives the part of
// the page that caused it (the selection toolbar closes when its work is done).
export const notices = $state<{ text: string; error: boolean; id: number }[]>([]);

let next = 0;

export function notify(text: string, error = false) {
  const id = ++next;
  notices.push({ text, error, id });
  setTimeout(() => {
    const index = notices.findIndex((n) => n.id === id);
    if (index >= 0) notices.splice(index, 1);
  }, error ? 10_000 : 5_000);
}
