import { css } from 'lit';

// The table scrolls inside its own box (both ways) of a fixed height, its header row sticks, and on
// a narrow container the name column sticks too (a long name wraps), so a phone reads who each row
// is while scrolling sideways. The skeleton, the table box and the empty state have the same height: nothing moves
// when the rows arrive, when a page has fewer of them, or when nobody matches.
export const audienceListStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin-bottom: calc(var(--_space) * 0.75);
    min-height: 28px;
  }
  .total {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .toolbar .spacer {
    flex: 1;
  }
  .scroller,
  .empty {
    height: var(--odw-audience-list-height, 28rem);
    box-sizing: border-box;
  }
  .empty {
    margin: 0;
    padding: var(--_space);
  }
  .scroller {
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    overscroll-behavior: contain;
  }
  .scroller:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.4em 0.6em;
    text-align: start;
    white-space: nowrap;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  td.number,
  th.number {
    text-align: end;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--_surface-raised);
    font-weight: 600;
    padding: 0;
  }
  thead th button {
    all: unset;
    box-sizing: border-box;
    display: flex;
    gap: 0.3em;
    align-items: center;
    width: 100%;
    min-height: 32px;
    padding: 0.4em 0.6em;
    cursor: pointer;
  }
  thead th.number button {
    justify-content: flex-end;
  }
  thead th button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  thead th[aria-sort] button {
    color: var(--_accent);
  }
  .arrow {
    width: 1em;
    display: inline-block;
    text-align: center;
  }
  tbody tr:hover td {
    background: var(--_surface-raised);
  }
  .muted {
    color: var(--_text-muted);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0.5em;
    margin-top: calc(var(--_space) * 0.75);
    min-height: 28px;
  }
  .pager .range {
    font-variant-numeric: tabular-nums;
    margin-inline-end: auto;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.55;
  }
  .export {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  progress {
    width: 8em;
    accent-color: var(--_accent);
  }
  .notes {
    font-size: 0.85em;
  }
  [aria-busy='true'] tbody {
    opacity: 0.6;
  }
  .skeleton.row {
    height: 1.6em;
    margin: 0.35em 0;
  }
  .skeleton.bar {
    height: 28px;
    width: 12em;
    margin-bottom: calc(var(--_space) * 0.75);
  }
  .skeleton.table {
    height: var(--odw-audience-list-height, 28rem);
    box-sizing: border-box;
    overflow: hidden;
    background: none;
    animation: none;
  }
  /* A phone: the name column sticks, and a long name wraps (never cut: it is who the row is). */
  @container (width < 560px) {
    tbody th,
    thead th:first-child {
      position: sticky;
      inset-inline-start: 0;
      z-index: 1;
      max-width: 9em;
    }
    tbody th {
      white-space: normal;
      overflow-wrap: break-word;
    }
    thead th:first-child {
      z-index: 3;
    }
  }
`;
