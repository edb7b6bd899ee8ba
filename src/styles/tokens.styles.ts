/*
 * Design tokens in two tiers. Public: `--odw-*` custom properties a portal sets on the element
 * or any ancestor. Private: `--_*` resolved per theme, used by the components' styles only.
 * Light and dark defaults follow `prefers-color-scheme` unless `theme="light|dark"` is set.
 */
import { css, unsafeCSS } from 'lit';

/**
 * Each color token with its light and dark default: `surface` becomes
 * `--_surface: var(--odw-color-surface, <default>)`. One table, so no token can be missing
 * from one palette, and the CSS rule is written once for both.
 */
const COLORS: Record<string, readonly [light: string, dark: string]> = {
  surface: ['#ffffff', '#1b1e25'],
  'surface-raised': ['#f4f5f7', '#262a33'],
  text: ['#1c1f26', '#eceef2'],
  'text-muted': ['#545b69', '#aab1be'],
  border: ['#d3d7de', '#3b414d'],
  accent: ['#2456c7', '#8cb0ff'],
  'accent-contrast': ['#ffffff', '#0d1733'],
  rewatch: ['#8a4fb5', '#d3a6f2'],
  unreported: ['#c4c9d2', '#4a505c'],
  warning: ['#9a5200', '#ffb95c'],
  'warning-surface': ['#fff3e0', '#3a2a12'],
  danger: ['#b3261e', '#ffb4ab'],
  focus: ['#2456c7', '#8cb0ff'],
};

// unsafeCSS only ever sees the constant table above, never page or backend input.
const palette = (scheme: 0 | 1) =>
  unsafeCSS(Object.entries(COLORS).map(([name, defaults]) => `--_${name}: var(--odw-color-${name}, ${defaults[scheme]});`).join(''));
const light = palette(0);
const dark = palette(1);

/**
 * Shared host styles: tokens, theme switching, box model, reduced motion.
 *
 * The font size is in px, not rem: a page's own root font size must not resize or respace an
 * embedded widget. Type and box model are set on the shadow tree's top-level elements, not on
 * :host: a page rule such as `* { font-size: 30px }` matches the host and beats :host, but
 * cannot reach inside. (Why-comments live here rather than in the CSS: text inside a css``
 * literal ships to every page.)
 */
export const tokenStyles = css`
  :host {
    ${light}
    --_font: var(--odw-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--odw-font-size, 14px);
    --_radius: var(--odw-radius, 8px);
    --_space: var(--odw-spacing, 12px);
    --_transition: 150ms ease-out;
    color-scheme: light;
    display: block;
  }
  :host > * {
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    font-style: normal;
    font-weight: 400;
    line-height: 1.4;
    color: var(--_text);
    text-align: start;
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
      color-scheme: dark;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_transition: 0s;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
    font-size: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** The card frame shared by the data widgets. */
export const cardStyles = css`
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    container-type: inline-size;
  }
  .title {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: 1.05em;
    font-weight: 600;
  }
  button {
    font: inherit;
    color: var(--_text);
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.3em 0.8em;
    cursor: pointer;
    min-height: 24px;
  }
  button:hover {
    border-color: var(--_accent);
  }
  .muted {
    color: var(--_text-muted);
  }
  .error {
    color: var(--_danger);
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
`;
