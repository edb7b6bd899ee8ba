/*
 * One whole copy of the kit for the two-copies test: bundled twice by esbuild (two separate
 * module graphs, two Lits, two sets of classes) and loaded by one page as two scripts. Each
 * copy hands itself to the test under the name in its script's file name (`/copy-a.js` → `a`).
 */
import * as kit from '../../src/index.ts';

declare global {
  interface Window {
    odwCopies?: Record<string, typeof kit>;
  }
}

const name = /copy-(\w+)\.js$/.exec(new URL(import.meta.url).pathname)?.[1] ?? 'a';
window.odwCopies = { ...window.odwCopies, [name]: kit };
