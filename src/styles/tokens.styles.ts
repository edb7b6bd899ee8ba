/*
 * Design tokens in two tiers. Public: `--odw-*` custom properties a portal sets on the element
 * or any ancestor. Private: `--_*` resolved per theme, used by the components' styles only.
 * Light and dark defaults follow `prefers-color-scheme` unless `theme="light|dark"` is set.
 */
import { css } from 'lit';

const light = css`
  --_surface: var(--odw-color-surface, #ffffff);
  --_surface-raised: var(--odw-color-surface-raised, #f4f5f7);
  --_text: var(--odw-color-text, #1c1f26);
  --_text-muted: var(--odw-color-text-muted, #545b69);
  --_border: var(--odw-color-border, #d3d7de);
  --_accent: var(--odw-color-accent, #2456c7);
  --_accent-contrast: var(--odw-color-accent-contrast, #ffffff);
  --_rewatch: var(--odw-color-rewatch, #8a4fb5);
  --_unreported: var(--odw-color-unreported, #c4c9d2);
  --_warning: var(--odw-color-warning, #9a5200);
  --_warning-surface: var(--odw-color-warning-surface, #fff3e0);
  --_danger: var(--odw-color-danger, #b3261e);
  --_focus: var(--odw-color-focus, #2456c7);
`;

const dark = css`
  --_surface: var(--odw-color-surface, #1b1e25);
  --_surface-raised: var(--odw-color-surface-raised, #262a33);
  --_text: var(--odw-color-text, #eceef2);
  --_text-muted: var(--odw-color-text-muted, #aab1be);
  --_border: var(--odw-color-border, #3b414d);
  --_accent: var(--odw-color-accent, #8cb0ff);
  --_accent-contrast: var(--odw-color-accent-contrast, #0d1733);
  --_rewatch: var(--odw-color-rewatch, #d3a6f2);
  --_unreported: var(--odw-color-unreported, #4a505c);
  --_warning: var(--odw-color-warning, #ffb95c);
  --_warning-surface: var(--odw-color-warning-surface, #3a2a12);
  --_danger: var(--odw-color-danger, #ffb4ab);
  --_focus: var(--odw-color-focus, #8cb0ff);
`;

/** Shared host styles: tokens, theme switching, box model, reduced motion. */
export const tokenStyles = css`
  :host {
    ${light}
    --_font: var(--odw-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    /* px, not rem: a page's own root font size must not resize or respace an embedded widget. */
    --_font-size: var(--odw-font-size, 14px);
    --_radius: var(--odw-radius, 8px);
    --_space: var(--odw-spacing, 12px);
    --_transition: 150ms ease-out;
    color-scheme: light;
    display: block;
  }
  /* Type and box model on the shadow tree's top-level elements, not on :host: a page rule such
     as * { font-size: 30px } matches the host and beats :host, but cannot reach inside. */
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
  .skeleton {
    background: var(--_surface-raised);
    border-radius: calc(var(--_radius) * 0.5);
    min-height: 1.2em;
    animation: odw-pulse 1.2s ease-in-out infinite;
  }
  @keyframes odw-pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .error {
    color: var(--_danger);
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
`;
