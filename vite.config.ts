import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { OPTIMIZE_DEPS_INCLUDE } from './scripts/toolchain.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// The demo admin portal: `npm start` serves demo/, `npm run build` writes dist-demo/.
export default defineConfig({
  root: 'demo',
  publicDir: '../public', // serves /mockServiceWorker.js
  build: {
    outDir: '../dist-demo',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    fs: { allow: [repoRoot] },
  },
  optimizeDeps: {
    include: OPTIMIZE_DEPS_INCLUDE,
  },
});
