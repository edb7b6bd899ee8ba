/*
 * Locale resolution and formatting. Built-in languages: English and Dutch. Numbers, dates and
 * plurals always go through Intl, with the full locale (nl-BE formats differently from nl-NL).
 */

/** Languages with built-in strings. */
export type Language = 'en' | 'nl';

/**
 * A BCP 47 tag Intl accepts, or undefined. Pages write `lang="en_US"` more often than one
 * would think; Intl throws on that, so underscores become hyphens and the rest is checked.
 */
function usableLocale(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  try {
    return Intl.getCanonicalLocales(text.trim().replaceAll('_', '-'))[0];
  } catch {
    return undefined;
  }
}

/**
 * The element's `locale`, else the nearest usable `lang` up the tree (crossing shadow roots),
 * else English. A malformed tag is skipped, never thrown.
 */
export function resolveLocale(element: Element, explicit?: string | null): string {
  const chosen = usableLocale(explicit);
  if (chosen) return chosen;
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = usableLocale(node.getAttribute('lang'));
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'en';
}

/** The built-in language for a locale: Dutch for `nl-*`, English otherwise. */
export function languageOf(locale: string): Language {
  return locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/**
 * A widget's built-in strings. English lives in the widget's module; every other language is a
 * loader (`() => import('./x.strings.nl.ts')`), so its text is a chunk of its own that only
 * pages in that language download.
 */
export interface StringCatalog<Strings extends object> {
  en: Strings;
  nl: () => Promise<{ default: Strings }>;
}

/** Per catalog and language: the strings once loaded, the load while it is under way. */
const loadedStrings = new WeakMap<object, Partial<Record<Language, object | Promise<void>>>>();

/** Overrides for a widget's strings: any string, and any part of a group of strings (plural forms, operator names…). */
export type StringOverrides<Strings extends object> = {
  [Key in keyof Strings]?: Strings[Key] extends string ? string : Partial<Strings[Key]>;
};

/**
 * The built-in strings for `locale`, with `overrides` on top; an override of a group (plural
 * forms, operator names) replaces only the strings it names. A language that is not loaded
 * (yet, or at all because its chunk failed) reads as English; elements wait for `loadStrings`
 * before they render, so normally it is there.
 *
 * @example
 * pickStrings(eventModePickerStrings, 'en', { count: { other: '{count} leads' } }).count; // { one: '{count} person matches', other: '{count} leads' }
 */
export function pickStrings<Strings extends object>(catalog: StringCatalog<Strings>, locale: string, overrides?: StringOverrides<Strings>): Strings {
  const language = languageOf(locale);
  const loaded = language === 'en' ? catalog.en : loadedStrings.get(catalog)?.[language];
  const strings: Record<string, unknown> = { ...(loaded === undefined || loaded instanceof Promise ? catalog.en : loaded) };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    const builtIn = strings[key];
    // Strings are text or groups of text (plain objects): a group merges into the built-in one.
    strings[key] = typeof value === 'object' && typeof builtIn === 'object' ? { ...builtIn, ...value } : value;
  }
  return strings as Strings;
}

/**
 * Loads the strings of `locale`'s language. Returns undefined when there is nothing to wait for
 * (English, or already loaded), else a promise that settles once loaded. It never rejects: a
 * chunk that cannot be loaded (offline, a broken deployment) leaves the element in English,
 * with one warning, rather than stuck.
 *
 * @example
 * await loadStrings(onDemandSummaryStrings, 'nl-BE');
 * pickStrings(onDemandSummaryStrings, 'nl-BE').title; // Dutch
 */
export function loadStrings(catalog: StringCatalog<object>, locale: string): Promise<void> | undefined {
  const language = languageOf(locale);
  if (language === 'en') return undefined;
  const languages = loadedStrings.get(catalog) ?? {};
  loadedStrings.set(catalog, languages);
  const loaded = languages[language];
  if (loaded instanceof Promise) return loaded;
  if (loaded !== undefined) return undefined;
  const loading = catalog[language]().then(
    (module) => {
      languages[language] = module.default;
    },
    (error: unknown) => {
      languages[language] = catalog.en;
      console.warn(`on-demand-webinar-widgets: the "${language}" strings could not be loaded; showing English.`, error);
    },
  );
  languages[language] = loading;
  return loading;
}

/**
 * Intl formatters by kind, locale and options, made on first use: constructing one costs a
 * hundred times more than using it, and a chart formats dozens of days and numbers per render.
 * Formatters are immutable, so sharing them is safe. Bounded: cleared past 256 entries.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();

function cachedFormatter<Formatter extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(key: string, make: () => Formatter): Formatter {
  let formatter = formatters.get(key) as Formatter | undefined;
  if (formatter === undefined) {
    if (formatters.size >= 256) formatters.clear();
    formatters.set(key, (formatter = make()));
  }
  return formatter;
}

const SHORT_DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };

/** Formats a `YYYY-MM-DD` calendar day for display (no time zone shift: the day is the day). */
export function formatDay(day: string, locale: string, options: Intl.DateTimeFormatOptions = SHORT_DAY): string {
  // The options' own JSON is the key (a caller may build equal options anew each time).
  const format = cachedFormatter(`d${locale}\n${options === SHORT_DAY ? '' : JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }));
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** Formats a number in the locale, e.g. `formatNumber(12.34, 'nl', 1)` → `12,3`. */
export function formatNumber(value: number, locale: string, fractionDigits = 0): string {
  const format = cachedFormatter(`n${locale}\n${fractionDigits}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }));
  return format.format(value);
}

/** Picks `one` or `other` for a count with Intl.PluralRules. */
export function plural(count: number, locale: string, forms: { one: string; other: string }): string {
  const text = cachedFormatter(`p${locale}`, () => new Intl.PluralRules(locale)).select(count) === 'one' ? forms.one : forms.other;
  return fillMessage(text, { count: formatNumber(count, locale) });
}

/** Fills `{name}` placeholders of a message: `fillMessage('{day}: {count}', { day: 'Mar 3', count: 4 })`. */
export function fillMessage(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
