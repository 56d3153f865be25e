import { defineConfig } from 'vite';

// The explorer builds to web/dist, which the API server serves at /.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
});
