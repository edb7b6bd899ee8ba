/**
 * Events the kit's elements dispatch, by name. Each element's module adds its own through
 * declaration merging, so `emit` and `addEventListener` are typed everywhere.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OdwEventMap {}

/**
 * Dispatches a typed `odw-*` CustomEvent that bubbles and crosses shadow roots, as every
 * event of the kit does. Returns false when a listener called `preventDefault()`.
 */
export function emit<Name extends keyof OdwEventMap>(element: HTMLElement, name: Name, detail: OdwEventMap[Name], cancelable = false): boolean {
  return element.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}
