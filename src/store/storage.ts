import { createStore, del, get, set, update, type UseStore } from 'idb-keyval';

/** Where the shop's data survives: IndexedDB, else localStorage, else only this page's memory. */
export type StorageKind = 'indexeddb' | 'localstorage' | 'memory';

/** A small async key-value store; values must be structured-clonable and JSON-serialisable. */
export interface KeyValueStorage {
  readonly kind: StorageKind;
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Replaces a value with `change(old)` in one step: in IndexedDB one `readwrite` transaction,
   * which the browser serialises across tabs; elsewhere with nothing awaited in between.
   */
  update(key: string, change: (old: unknown) => unknown): Promise<void>;
}

// Some browsers never settle indexedDB.open() when storage is blocked; don't wait for them forever.
const PROBE_TIMEOUT_MS = 1500;

/**
 * Opens the best storage this page allows for one namespace (one publishable key), probing with a
 * real write and read so that blocked, private-mode or over-quota storage is found now, not when
 * the shopper's cart is at stake. Falls back IndexedDB → localStorage → memory and says which.
 */
export async function openStorage(namespace: string): Promise<KeyValueStorage> {
  const indexed = await probe(() => indexedDbStorage(namespace));
  if (indexed) return indexed;
  const local = await probe(() => localStorageStorage(namespace));
  return local ?? memoryStorage();
}

async function probe(make: () => KeyValueStorage): Promise<KeyValueStorage | undefined> {
  try {
    const storage = make();
    const probeKey = `__probe:${Math.random()}`; // its own key: tabs opening at once probe at once
    const written = Date.now();
    await withTimeout(storage.set(probeKey, written));
    if ((await withTimeout(storage.get<number>(probeKey))) !== written) return undefined;
    await withTimeout(storage.delete(probeKey));
    return storage;
  } catch {
    return undefined;
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('storage did not answer')), PROBE_TIMEOUT_MS);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

function indexedDbStorage(namespace: string): KeyValueStorage {
  if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
  const store: UseStore = createStore(`tote:${namespace}`, 'kv');
  return {
    kind: 'indexeddb',
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    delete: (key) => del(key, store),
    update: (key, change) => update(key, change, store),
  };
}

function localStorageStorage(namespace: string): KeyValueStorage {
  const local = globalThis.localStorage; // reading it throws where storage is blocked
  const prefix = `tote:${namespace}:`;
  return {
    kind: 'localstorage',
    get: async (key) => {
      const text = local.getItem(prefix + key);
      if (text === null) return undefined;
      try {
        return JSON.parse(text);
      } catch {
        return undefined; // a corrupted value reads as absent; the caller replaces it
      }
    },
    set: async (key, value) => local.setItem(prefix + key, JSON.stringify(value)),
    delete: async (key) => local.removeItem(prefix + key),
    update: async (key, change) => {
      let old: unknown;
      try {
        old = JSON.parse(local.getItem(prefix + key) ?? 'null') ?? undefined;
      } catch {
        old = undefined;
      }
      local.setItem(prefix + key, JSON.stringify(change(old)));
    },
  };
}

/** The last resort: works, but forgets everything on reload. */
export function memoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    kind: 'memory',
    get: async (key) => {
      const text = values.get(key);
      return text === undefined ? undefined : JSON.parse(text);
    },
    set: async (key, value) => void values.set(key, JSON.stringify(value)),
    delete: async (key) => void values.delete(key),
    update: async (key, change) => {
      const text = values.get(key);
      values.set(key, JSON.stringify(change(text === undefined ? undefined : JSON.parse(text))));
    },
  };
}

/**
 * A storage usable at once while the real one is still being probed: calls wait for the probe,
 * and `kind` tells the truth once it is known (`memory` until then is the honest answer).
 */
export function deferredStorage(opening: Promise<KeyValueStorage>): KeyValueStorage & { ready: Promise<void> } {
  let resolved: KeyValueStorage | undefined;
  const ready = opening.then((storage) => void (resolved = storage));
  return {
    get kind() {
      return resolved?.kind ?? 'memory';
    },
    ready,
    get: async (key) => (await opening).get(key),
    set: async (key, value) => (await opening).set(key, value),
    delete: async (key) => (await opening).delete(key),
    update: async (key, change) => (await opening).update(key, change),
  };
}
