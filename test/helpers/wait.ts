// @open-wc's waitUntil gives up after 1 s by default. Most waits in these tests cross the reference
// store, an IndexedDB write or a BroadcastChannel, which on a busy CI machine can take longer than
// that — so every wait here gets 8 s unless it says otherwise. A longer limit only slows a failing
// test; a passing one returns as soon as the condition holds.
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

type WaitOptions = Parameters<typeof openWcWaitUntil>[2];

export function waitUntil(predicate: () => unknown, message?: string, options: WaitOptions = {}): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 8000, ...options });
}
