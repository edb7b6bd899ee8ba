import { css } from 'lit';

export const onDemandStatisticsStyles = css`
  .metrics {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(3, minmax(0, 1fr));
    margin: 0;
  }
  .narrow .metrics {
    grid-template-columns: minmax(0, 1fr);
  }
  .metric {
    background: var(--_surface-raised);
    border-radius: calc(var(--_radius) * 0.75);
    padding: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  .metric dt {
    color: var(--_text-muted);
    font-weight: 500;
  }
  .metric dd {
    margin: 0;
  }
  .value {
    display: block;
    font-size: 1.9em;
    font-weight: 650;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .hint {
    display: block;
    color: var(--_text-muted);
    font-size: 0.85em;
  }
  .metric.closing {
    background: var(--_warning-surface);
    outline: 2px solid var(--_warning);
    outline-offset: -2px;
  }
  .metric.closing .hint {
    color: var(--_warning);
    font-weight: 600;
  }
  .metric.closed .value {
    color: var(--_text-muted);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5em;
    margin-top: calc(var(--_space) * 0.75);
  }
  .notes {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    text-align: end;
  }
  .narrow .notes {
    align-items: flex-start;
    text-align: start;
  }
  details summary {
    cursor: pointer;
    color: var(--_accent);
    min-height: 24px;
  }
  details dl {
    display: grid;
    grid-template-columns: auto auto;
    gap: 0.25em 1em;
    margin: 0.5em 0 0;
  }
  details dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .skeleton-row {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  .narrow .skeleton-row {
    grid-template-columns: minmax(0, 1fr);
  }
  .skeleton.block {
    height: 4.5em;
  }
`;
