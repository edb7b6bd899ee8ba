/*
 * What MSW's request handling expects of a page and a Worker lacks: `localStorage` (its cookie
 * store). Imported by backend-worker.ts before `msw`; an in-memory stand-in is enough there.
 */
const scope = globalThis as { localStorage?: Storage };
if (scope.localStorage === undefined) {
  const items = new Map<string, string>();
  scope.localStorage = {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** Read by backend-worker.ts: a module whose import is never used would be dropped by bundlers (the package is `sideEffects`-listed). */
export const shimmed = scope.localStorage !== undefined;
