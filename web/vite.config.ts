import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The build lands in the server's wwwroot; `npm run dev` proxies the API to a server on :2342.
export default defineConfig({
  plugins: [svelte()],
  build: {
    outDir: '../src/Pixhaven/wwwroot',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:2342' },
  },
});
