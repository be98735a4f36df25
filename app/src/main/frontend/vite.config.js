// Builds the resident LIFF pages (liff/) into the Spring Boot jar's static resources:
// app/target/classes/static/liff, served under /liff/ (every /liff/{tenant}/... path gets index.html).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./liff'),
  base: '/liff/',
  publicDir: false,
  // `npm run dev`: the pages from Vite, the API from the app on :8080
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/line-simulator/api': 'http://localhost:8080',
    },
  },
  build: {
    outDir: here('../../../target/classes/static/liff'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // form-js (with its FEEL engine) is one large lazily loaded chunk
    chunkSizeWarningLimit: 1600,
    sourcemap: false,
  },
});
