/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths the backend owns. Anchored to whole path segments so SPA routes such as
// `/developers` or `/apiary` are never sent to the API by accident.
const BACKEND_PATHS = /^\/(api|healthz|readyz|metrics|dev|\.well-known)(\/|\?|$)/;

const apiOrigin = process.env.RELOOP_API_ORIGIN ?? 'http://127.0.0.1:8000';

// `vite preview` falls back to `server.proxy`, so dev and preview talk to the same backend.
const proxy = { [BACKEND_PATHS.source]: { target: apiOrigin, changeOrigin: false } };

export default defineConfig({
  base: '/',
  plugins: [react(), tailwindcss()],
  server: { proxy },
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
