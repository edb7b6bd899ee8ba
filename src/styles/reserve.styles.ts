import { css } from 'lit';

/**
 * Skeletons, and layout stability for the data widgets (statistics, summary): nothing moves while
 * they load. Narrow and wide layouts are container queries on the card (cardStyles), so they
 * follow the width a portal gives the widget from the first frame (no script measures it first).
 * Under the title, `.body` stacks two layers in one grid cell: the state (loading status, error,
 * not configured, or the data) and `.reserve`, the widget's skeleton, shown while the state is
 * the loading status (`.loading`) and invisible otherwise: the card is never smaller than its skeleton, which
 * has the loaded state's size. Skeleton texts that only size a box are `data-text` attributes
 * drawn by `::before` (no text to find or read).
 */
export const reserveStyles = css`
  .body {
    display: grid;
  }
  .body > * {
    grid-area: 1 / 1;
    min-width: 0;
  }
  .skeleton {
    background: var(--_surface-raised);
    border-radius: calc(var(--_radius) * 0.5);
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
  .reserve,
  .skeleton > * {
    visibility: hidden;
  }
  /* The loading status by its class: a loaded state may hold live regions of its own (a total). */
  .body:has(.loading) .skeleton {
    visibility: visible;
  }
  /* A widget's own control changed the range: the old state stays, dimmed, while the new one loads. */
  .refreshing {
    opacity: 0.55;
    transition: opacity 0.2s 0.15s;
  }
  [data-text]::before {
    content: attr(data-text);
  }
  .name {
    min-height: 1lh;
    margin: 0 0 1em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
`;
