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

/** Built-in strings for each language, overridable per key. */
export function pickStrings<Strings extends object>(catalog: Record<Language, Strings>, locale: string, overrides?: Partial<Strings>): Strings {
  return { ...catalog[languageOf(locale)], ...overrides };
}

/** Formats a `YYYY-MM-DD` calendar day for display (no time zone shift: the day is the day). */
export function formatDay(day: string, locale: string, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' }): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** Formats a number in the locale, e.g. `formatNumber(12.34, 'nl', 1)` → `12,3`. */
export function formatNumber(value: number, locale: string, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** Picks `one` or `other` for a count with Intl.PluralRules. */
export function plural(count: number, locale: string, forms: { one: string; other: string }): string {
  const text = new Intl.PluralRules(locale).select(count) === 'one' ? forms.one : forms.other;
  return fillMessage(text, { count: formatNumber(count, locale) });
}

/** Fills `{name}` placeholders of a message: `fillMessage('{day}: {count}', { day: 'Mar 3', count: 4 })`. */
export function fillMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
