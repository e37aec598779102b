/// <reference types="vitest/config" />
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

// Paths the backend owns. Anchored to whole path segments so SPA routes such as
// `/developers` or `/apiary` are never sent to the API by accident.
const BACKEND_PATHS = /^\/(api|healthz|readyz|metrics|dev|\.well-known)(\/|\?|$)/;

const apiOrigin = process.env.RELOOP_API_ORIGIN ?? 'http://127.0.0.1:8000';

// `vite preview` falls back to `server.proxy`, so dev and preview talk to the same backend.
const proxy = { [BACKEND_PATHS.source]: { target: apiOrigin, changeOrigin: false } };

const SWAGGER_UI_FILES = ['swagger-ui-bundle.js', 'swagger-ui.css'];

/**
 * The API serves its docs page at `/api/docs` from these files in `dist/vendor/swagger-ui/`:
 * same-origin assets satisfy its CSP and work offline, unlike a CDN. They are copied as is,
 * not bundled, because the docs page is the API's, not part of this app.
 */
function swaggerUiAssets(): Plugin {
  return {
    name: 'reloop-swagger-ui-assets',
    apply: 'build',
    writeBundle(options) {
      const source = dirname(
        createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
      );
      const target = join(resolve(options.dir ?? 'dist'), 'vendor', 'swagger-ui');
      mkdirSync(target, { recursive: true });
      for (const file of SWAGGER_UI_FILES) copyFileSync(join(source, file), join(target, file));
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [react(), tailwindcss(), swaggerUiAssets()],
  server: { proxy },
  // For Vitest: without `module-sync`, Vite resolves `react-router` to its CJS build while
  // Node loads `react-router/dom` with the ESM one, and the two copies share no context.
  // Browser builds already pick the ESM files, so this changes nothing for them.
  resolve: { conditions: ['module-sync', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
