import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The pages are built into dist/web, next to the compiled server that serves them (src/modules/web).
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The strict CSP forbids inline scripts: no preload polyfill, every script is a file under /assets/.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: true,
    // Read by scripts/web-budget.mjs (the public page's JavaScript budget); not served: only dist/web/assets is.
    manifest: true,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
