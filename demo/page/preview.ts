// The live preview, demo page side: one same-origin iframe (demo/preview.html) that gets the
// config in its URL at first, then by postMessage. A change of shop (key, API base, language)
// reloads it — a real merchant page would be reloaded too; anything else updates it in place.
import { maskKey } from '../../src/api/keys.js';
import { toQuery, type ConfigState, type DemoConfig } from './config.js';
import type { FrameMessage, PageMessage } from './messages.js';
import { embedSnippet } from './snippet.js';

export const PREVIEW_PATH = '/demo/preview.html';

export interface PreviewHost {
  frame: HTMLIFrameElement;
  /** Sends a message to the preview page. */
  send(message: PageMessage): void;
  /** Calls `listener` with every message of the preview page; returns the unsubscribe function. */
  listen(listener: (message: FrameMessage) => void): () => void;
}

/**
 * The config as the preview may see it: a refused key (a secret one, say) goes no further than
 * its masked form, which the preview refuses in turn — never into a URL or a server log.
 */
function previewQuery(config: DemoConfig): string {
  const refused = embedSnippet(config).keyError;
  return toQuery(refused ? { ...config, publicKey: maskKey(config.publicKey) } : config);
}

export function mountPreview(frame: HTMLIFrameElement, state: ConfigState): PreviewHost {
  const listeners = new Set<(message: FrameMessage) => void>();
  const send = (message: PageMessage) => frame.contentWindow?.postMessage(message, location.origin);

  addEventListener('message', (event: MessageEvent<FrameMessage>) => {
    if (event.origin !== location.origin || event.source !== frame.contentWindow) return;
    // A change made while the preview was (re)loading reached no listener: catch it up now.
    if (event.data.type === 'tote-demo:ready' && event.data.query !== previewQuery(state.value)) {
      send({ type: 'tote-demo:config', query: previewQuery(state.value) });
    }
    for (const listener of listeners) listener(event.data);
  });

  frame.src = `${PREVIEW_PATH}?${previewQuery(state.value)}`;
  state.subscribe((config, previous) => {
    // The iframe element's colour scheme is what the page inside sees as prefers-color-scheme.
    frame.dataset.scheme = config.scheme;
    if (config !== previous) send({ type: 'tote-demo:config', query: previewQuery(config) });
  });

  return {
    frame,
    send,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
