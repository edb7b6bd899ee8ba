/**
 * Registers a custom element once. A page that loads two bundles of the kit (a portal and a
 * plugin, say) must not throw "already defined": the first registration wins.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag) === undefined) customElements.define(tag, element);
}
