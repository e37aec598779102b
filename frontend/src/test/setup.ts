import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { FakeEventSource } from './event-source-stub';

// `findBy…` and `waitFor` give up after 1 s by default. On a loaded two-core CI machine a
// first render through React Router's loaders has taken longer than that (ErrorPage's 404
// test once failed that way), so they wait up to 5 s; a passing test still ends at once.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no layout, so its scrollTo only logs "not implemented" and it has no
// scrollIntoView; React Router's ScrollRestoration and links to anchors call them.
window.scrollTo = () => undefined;
Element.prototype.scrollIntoView = () => undefined;

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

// jsdom has no EventSource; the layout opens the notification stream for every member.
globalThis.EventSource = FakeEventSource as unknown as typeof EventSource;

// Vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  FakeEventSource.instances = [];
});
