// The service worker: one classic script at /sw.js (no imports), with the list of the app
// shell's files and a version derived from their contents, so a new build is a new worker.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { defineConfig } from 'vite';

function files(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? files(full) : [full];
    })
    .sort();
}

const dist = 'dist';
const shell = files(dist)
  .map((f) => relative(dist, f).split('\\').join('/'))
  .filter((f) => f !== 'sw.js' && !f.endsWith('.png') || f.startsWith('icons/icon-192'));
const hash = createHash('sha256');
for (const f of shell) hash.update(f).update(readFileSync(join(dist, f)));
const version = hash.digest('hex').slice(0, 16);
const precache = ['/', ...shell.filter((f) => f !== 'index.html').map((f) => `/${f}`)];

export default defineConfig({
  define: {
    __PRECACHE__: JSON.stringify(precache),
    __VERSION__: JSON.stringify(version),
  },
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2020',
    sourcemap: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    lib: {
      entry: 'src/sw.ts',
      formats: ['iife'],
      name: 'tsunaguServiceWorker',
      fileName: () => 'sw.js',
    },
  },
});
