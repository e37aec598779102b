import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has no layout, so its scrollTo only logs "not implemented"; React Router's
// ScrollRestoration calls it on every navigation.
window.scrollTo = () => undefined;

// jsdom has no ResizeObserver; Headless UI's anchored menus use it to follow the button.
globalThis.ResizeObserver = class {
  observe() {
    return undefined;
  }
  unobserve() {
    return undefined;
  }
  disconnect() {
    return undefined;
  }
};

// jsdom cannot make object URLs; the photo uploader previews picked files with them.
URL.createObjectURL = () => 'blob:preview';
URL.revokeObjectURL = () => undefined;

// Vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
});
