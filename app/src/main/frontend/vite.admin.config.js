// Builds the tenant admin console (admin/) into the Spring Boot jar's static resources:
// app/target/classes/static/admin, served under /admin/ (every /admin/{tenant}/... page gets index.html).
// A second entry beside the LIFF pages (vite.config.js), with its own base and output folder.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./admin'),
  base: '/admin/',
  publicDir: false,
  // `npm run dev:admin`: the console from Vite, the API and Camunda's login from the app on :8080
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/camunda/api': 'http://localhost:8080',
    },
  },
  build: {
    outDir: here('../../../target/classes/static/admin'),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // no inline module-preload helper: the console's CSP allows scripts from its own origin only
    modulePreload: { polyfill: false },
  },
});
