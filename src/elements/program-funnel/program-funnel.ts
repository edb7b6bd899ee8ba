import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { EventDataSource } from '../../data/event-data-source.ts';
import { funnelFrom, type FunnelAnswer } from '../../data/funnel-question.ts';
import { daysRemaining, onDemandWindow, type WebinarEvent } from '../../core/index.ts';
import { DataElement } from '../data-element.ts';
import { defineElement } from '../define.ts';
import { fillMessage, formatDay, formatNumber, pickStrings, plural, type StringOverrides } from '../../i18n/locale.ts';
import { reserveStyles } from '../../styles/reserve.styles.ts';
import { cardStyles, tokenStyles } from '../../styles/tokens.styles.ts';
import { programFunnelStyles } from './program-funnel.styles.ts';
import { programFunnelStrings, type ProgramFunnelStrings } from './program-funnel.strings.ts';

interface LoadedFunnel {
  event: WebinarEvent;
  funnel: FunnelAnswer;
  /** The live session has not ended yet: no live/no-show split, and the recording is not open. */
  upcoming: boolean;
  /** The window's last day: views reported through an earlier day are partial. */
  lastDay: string;
}

/** One row of the list: what it is, its number, what the number is a share of, and its bar. */
interface Stage {
  key: 'registered' | 'attended-live' | 'no-show' | 'attended-on-demand' | 'rewatched' | 'reached';
  label: string;
  value: string;
  share: string;
  /** Width of the decorative bar, 0 … 1 of the registrants. */
  bar: number;
  /** A stage under another (the no-shows who watched, the attendees who rewatched). */
  sub?: boolean;
}

const BAR_WIDTH = 1000;

/**
 * `part / whole` as a percentage in the locale: whole percents, one decimal where a whole
 * percent would read as none or all of them. Undefined when there is nothing to divide by.
 */
function percentOf(part: number, whole: number, locale: string): string | undefined {
  if (whole <= 0) return undefined;
  const ratio = part / whole;
  const rounded = Math.round(ratio * 100);
  const digits = ratio > 0 && ratio < 1 && (rounded === 0 || rounded === 100) ? 1 : 0;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}

/**
 * @tag odw-program-funnel
 * @summary Program funnel: of the people registered for an event, how many attended live, how
 * many missed the live session, how many of those watched the recording on demand, how many live
 * attendees rewatched it, and the share of all registrants reached live or on demand.
 *
 * Works inside `<odw-data-provider>` or standalone with `adapter` + `event-id`. Uses the
 * adapter's `getFunnel` push-down when it has one, `core.programFunnelOf` on the shared analysis
 * otherwise. The stages are a real list (words and numbers); the bars are decorative.
 *
 * @csspart base - The card.
 * @csspart title - The heading.
 * @csspart stages - The list of stages.
 * @csspart stage - Each stage's row (label, number, share, bar).
 * @csspart value - Each stage's number.
 * @csspart bar - Each stage's decorative bar.
 * @csspart reach - The row of registrants reached live or on demand.
 * @csspart error - The error message and retry button.
 * @csspart retry - The retry button.
 *
 * @cssproperty --odw-color-surface - Card background.
 * @cssproperty --odw-color-surface-raised - Bar track background.
 * @cssproperty --odw-color-text - Text color.
 * @cssproperty --odw-color-text-muted - Secondary text color; the registered bar.
 * @cssproperty --odw-color-border - Card border.
 * @cssproperty --odw-color-accent - Bars of people who attended live or watched on demand.
 * @cssproperty --odw-color-rewatch - Bar of live attendees who rewatched.
 * @cssproperty --odw-color-unreported - Bar of the people who missed the live session.
 * @cssproperty --odw-color-danger - Error text.
 * @cssproperty --odw-color-focus - Focus ring.
 * @cssproperty --odw-font-family - Font.
 * @cssproperty --odw-font-size - Base font size.
 * @cssproperty --odw-radius - Corner radius.
 * @cssproperty --odw-spacing - Base spacing.
 *
 * @example
 * ```html
 * <odw-program-funnel event-id="evt-42"></odw-program-funnel>
 * <script type="module">
 *   import 'on-demand-webinar-widgets/program-funnel';
 *   document.querySelector('odw-program-funnel').adapter = myAdapter;
 * </script>
 * ```
 */
export class OdwProgramFunnel extends DataElement<LoadedFunnel> {
  static override styles = [tokenStyles, cardStyles, reserveStyles, programFunnelStyles];

  protected readonly catalog = programFunnelStrings;

  /** Overrides for any built-in text. */
  @property({ attribute: false }) strings: StringOverrides<ProgramFunnelStrings> | undefined;

  protected override async load(source: EventDataSource, now: Date, signal: AbortSignal): Promise<LoadedFunnel> {
    // The funnel does not need the event first: both are asked at once (one round trip, not two).
    const [event, funnel] = await Promise.all([source.event(signal), funnelFrom(source, now, signal)]);
    this.followClock(event);
    return { event, funnel, upcoming: daysRemaining(event, now).phase === 'upcoming', lastDay: onDemandWindow(event).lastDay };
  }

  protected override render(): TemplateResult {
    const strings = pickStrings(programFunnelStrings, this.currentLocale(), this.strings);
    // The loaded layout: the name line, one row per stage with its label, and the reach row.
    const skeleton = this.#stages(strings, undefined).map((stage) => this.#row(stage, true));
    return this.renderCard({
      strings,
      skeleton: html`
        <div class="skeleton name"></div>
        <ol class="stages">${skeleton.slice(0, -1)}</ol>
        <div class="reach-box">${skeleton.at(-1)}</div>
        <p class="notes"><span data-text=${strings.reportedThrough}></span></p>`,
      loaded: (loaded) => this.#renderFunnel(strings, loaded),
    });
  }

  /** The rows, in the order read: registered, live, no-show, on demand, rewatched, then the reach. */
  #stages(strings: ProgramFunnelStrings, loaded: LoadedFunnel | undefined): Stage[] {
    const locale = this.currentLocale();
    const funnel = loaded?.funnel ?? { invited: 0, registered: 0, attendedLive: 0, noShow: 0, attendedOnDemand: 0, rewatched: 0 };
    const { invited, registered, attendedLive, noShow, attendedOnDemand, rewatched } = funnel;
    const upcoming = loaded?.upcoming ?? false;
    const count = (value: number) => (loaded ? formatNumber(value, locale) : '0 000');
    // A share: "55% of registrants", or why there is none.
    const share = (template: string, part: number, whole: number, values: Record<string, string> = {}) => {
      if (!loaded) return fillMessage(template, { percent: '100%', ...values });
      const percent = percentOf(part, whole, locale);
      return percent === undefined ? strings.noBase : fillMessage(template, { percent, ...values });
    };
    const bar = (part: number) => (registered > 0 ? part / registered : 0);
    const registrants = plural(registered, locale, strings.registrantCount);
    const notYet = (key: Stage['key'], label: string, why: string, sub = false): Stage => ({ key, label, value: '–', share: why, bar: 0, sub });
    const after: Stage[] = upcoming
        ? [
            notYet('attended-live', strings.attendedLive, strings.afterTheEvent),
            notYet('no-show', strings.noShow, strings.afterTheEvent),
            notYet('attended-on-demand', strings.attendedOnDemand, strings.notOpenYet, true),
            notYet('rewatched', strings.rewatched, strings.notOpenYet, true),
            notYet('reached', strings.reached, strings.afterTheEvent),
          ]
        : [
            { key: 'attended-live', label: strings.attendedLive, value: count(attendedLive), share: share(strings.ofRegistered, attendedLive, registered), bar: bar(attendedLive) },
            { key: 'no-show', label: strings.noShow, value: count(noShow), share: share(strings.ofRegistered, noShow, registered), bar: bar(noShow) },
            { key: 'attended-on-demand', label: strings.attendedOnDemand, value: count(attendedOnDemand), share: share(strings.ofNoShows, attendedOnDemand, noShow), bar: bar(attendedOnDemand), sub: true },
            { key: 'rewatched', label: strings.rewatched, value: count(rewatched), share: share(strings.ofAttendees, rewatched, attendedLive), bar: bar(rewatched), sub: true },
            {
              key: 'reached',
              label: strings.reached,
              value: loaded ? (percentOf(attendedLive + attendedOnDemand, registered, locale) ?? '–') : '100%',
              share: fillMessage(strings.reachedShare, { reached: count(attendedLive + attendedOnDemand), registrants }),
              bar: bar(attendedLive + attendedOnDemand),
            },
          ];
    return [
      { key: 'registered', label: strings.registered, value: count(registered), share: share(strings.registeredShare, registered, invited, { invited: plural(invited, locale, strings.invitedCount) }), bar: bar(registered) },
      ...after,
    ];
  }

  /** One row; in the skeleton its texts only size the boxes (`data-text`, nothing to read). */
  #row(stage: Stage, skeleton = false): TemplateResult {
    const classes = `stage ${stage.key}${stage.sub ? ' sub' : ''}${skeleton ? ' skeleton' : ''}`;
    const part = stage.key === 'reached' ? 'reach' : 'stage';
    if (skeleton) {
      const boxes = html`<span class="label" data-text=${stage.label}></span><span class="value" data-text=${stage.value}></span><span class="share" data-text=${stage.share}></span><span class="track"></span>`;
      return stage.key === 'reached' ? html`<p class=${classes}>${boxes}</p>` : html`<li class=${classes}>${boxes}</li>`;
    }
    // The words are read in order ("Attended live: 120, 55% of registrants"); the bar is decoration.
    const body = html`<span class="label" title=${stage.label}>${stage.label}<span class="visually-hidden">:</span></span>
      <span part="value" class="value">${stage.value}<span class="visually-hidden">,</span></span>
      <span class="share" title=${stage.share}>${stage.share}</span>
      <svg part="bar" class="track" aria-hidden="true" focusable="false" viewBox="0 0 ${BAR_WIDTH} 1" preserveAspectRatio="none">
        ${svg`<rect class="fill" width=${Math.round(Math.min(1, Math.max(0, stage.bar)) * BAR_WIDTH)} height="1"></rect>`}
      </svg>`;
    return stage.key === 'reached' ? html`<p part=${part} class=${classes}>${body}</p>` : html`<li part=${part} class=${classes}>${body}</li>`;
  }

  #renderFunnel(strings: ProgramFunnelStrings, loaded: LoadedFunnel): TemplateResult {
    const locale = this.currentLocale();
    const { funnel, event, upcoming } = loaded;
    const partial = !upcoming && funnel.reportedThrough !== undefined && funnel.reportedThrough < loaded.lastDay;
    const skipped = funnel.diagnostics.length;
    const stages = this.#stages(strings, loaded);
    return html`
      <p class="muted name" title=${event.name}>${event.name}</p>
      ${funnel.registered === 0
        ? html`<p class="empty">${fillMessage(strings.empty, { invited: plural(funnel.invited, locale, strings.invitedCount) })}</p>`
        : html`<ol part="stages" class="stages" aria-label=${strings.stagesLabel}>
              ${stages.slice(0, -1).map((stage) => this.#row(stage))}
            </ol>
            <div class="reach-box">${this.#row(stages.at(-1) as Stage)}</div>`}
      <p class="notes muted">
        ${partial ? html`<span>${fillMessage(strings.reportedThrough, { date: formatDay(funnel.reportedThrough as string, locale, { day: 'numeric', month: 'long' }) })}</span>` : nothing}
        ${skipped > 0 ? html`<span>${plural(skipped, locale, strings.skippedRecords)}</span>` : nothing}
      </p>
    `;
  }
}

defineElement('odw-program-funnel', OdwProgramFunnel);

declare global {
  interface HTMLElementTagNameMap {
    'odw-program-funnel': OdwProgramFunnel;
  }
}
