/**
 * Entry point of the browser-mode transport bundle (`build/transport/http-transport.js`):
 * installs `window.tandem` before the UI bundle runs. The server puts this script first in
 * index.html, as a classic script, so it runs before the deferred module that is the app.
 */
import {
  createHttpTransport,
  type EventSourceLike,
  type FetchLike,
} from './http-transport-client.js';

interface BrowserGlobals {
  fetch: FetchLike;
  EventSource: new (url: string) => EventSourceLike;
}

// cast: this file only ever runs in a browser page, where these globals exist.
const browser = globalThis as unknown as BrowserGlobals;

Object.defineProperty(globalThis, 'tandem', {
  value: createHttpTransport({
    fetch: (url, init) => browser.fetch(url, init),
    openEvents: (url) => new browser.EventSource(url),
  }),
  writable: false,
  configurable: false,
  enumerable: true,
});
