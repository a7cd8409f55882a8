// The colour theme: auto (follow the system), light or dark, kept in this browser.
export type Theme = 'auto' | 'light' | 'dark';

const key = 'pixhaven-theme';

export function savedTheme(): Theme {
  const value = globalThis.localStorage?.getItem(key);
  return value === 'light' || value === 'dark' ? value : 'auto';
}

export function applyTheme(theme: Theme) {
  if (theme === 'auto') {
    delete document.documentElement.dataset.theme;
    globalThis.localStorage?.removeItem(key);
  } else {
    document.documentElement.dataset.theme = theme;
    globalThis.localStorage?.setItem(key, theme);
  }
}
