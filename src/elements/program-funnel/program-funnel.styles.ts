import { css } from 'lit';

// Every row has a fixed number of lines whatever the data (texts end in an ellipsis, the full
// text is the tooltip and what screen readers read), so the skeleton, built from the same rows,
// has the loaded size. Narrower than 774 px inside the card a row is three lines (label and
// number, bar, share); wider, one line (label, bar, number, share) with the bars lined up.
export const programFunnelStyles = css`
  .card {
    height: 100%;
  }
  .stages {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }
  .stage {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas: 'label value' 'track track' 'share share';
    align-items: center;
    column-gap: var(--_space);
    margin: 0;
    padding: calc(var(--_space) * 0.375) calc(var(--_space) * 0.5);
    border-radius: calc(var(--_radius) * 0.5);
    min-width: 0;
  }
  .label,
  .share {
    min-width: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .label {
    grid-area: label;
    font-weight: 500;
  }
  .sub .label {
    padding-inline-start: 1.25em;
  }
  .value {
    grid-area: value;
    font-size: 1.25em;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }
  .share {
    grid-area: share;
    color: var(--_text-muted);
    font-size: 0.85em;
  }
  .track {
    grid-area: track;
    display: block;
    width: 100%;
    height: 8px;
    margin: 0.2em 0;
    background: var(--_surface-raised);
    border-radius: 4px;
    overflow: hidden;
  }
  .fill {
    fill: var(--_accent);
  }
  .registered .fill {
    fill: var(--_text-muted);
  }
  .no-show .fill {
    fill: var(--_unreported);
  }
  .rewatched .fill {
    fill: var(--_rewatch);
  }
  .reach-box {
    margin-top: calc(var(--_space) * 0.5);
    padding-top: calc(var(--_space) * 0.5);
    border-top: 1px solid var(--_border);
  }
  .reach .value {
    color: var(--_accent);
  }
  .empty {
    margin: 0;
  }
  .notes {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    column-gap: 0.3em;
    margin: calc(var(--_space) * 0.5) 0 0;
    min-height: 1lh;
    font-size: 0.85em;
  }
  .notes span + span::before {
    content: '· ';
  }
  @container (width >= 774px) {
    .stage {
      grid-template-columns: minmax(0, 15em) minmax(0, 1fr) 5.5em minmax(0, 18em);
      grid-template-areas: 'label track value share';
    }
    .track {
      margin: 0;
    }
  }
`;
