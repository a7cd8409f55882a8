import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { applyTheme, savedTheme } from './lib/theme';

applyTheme(savedTheme());

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
export default mount(App, { target });

// Installable as an app, and opens without a network (public/sw.js).
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => {});
}
