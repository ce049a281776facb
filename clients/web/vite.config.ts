// JSX for Preact through oxc (Vite 8's transformer; the esbuild jsx settings are its former name).
// The app build: deterministic output (content hashes only, no timestamps) so CI can rebuild
// and compare with the committed dist/. The service worker is built next by vite.sw.config.ts.
import { defineConfig } from 'vite';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:8080', ws: true },
    },
  },
});
