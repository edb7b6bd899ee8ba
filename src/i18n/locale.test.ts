import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDay, formatNumber, languageOf, loadStrings, pickStrings, plural, resolveLocale, type StringCatalog } from './locale.ts';

interface Greeting {
  hello: string;
  bye: string;
}

const english: Greeting = { hello: 'Hello', bye: 'Bye' };
const dutch: Greeting = { hello: 'Hallo', bye: 'Dag' };

/** A fresh catalog per test (loaded strings are cached per catalog) with a controllable loader. */
function catalog(load: () => Promise<{ default: Greeting }> = () => Promise.resolve({ default: dutch })) {
  const loader = vi.fn(load);
  const strings: StringCatalog<Greeting> = { en: english, nl: loader };
  return { strings, loader };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('languageOf / resolveLocale', () => {
  it('maps nl-* to Dutch and everything else to English', () => {
    expect(['nl', 'nl-BE', 'NL-nl'].map(languageOf)).toEqual(['nl', 'nl', 'nl']);
    expect(['en', 'de', 'fr-BE'].map(languageOf)).toEqual(['en', 'en', 'en']);
  });

  it('takes the explicit locale, else the nearest usable lang, skipping malformed ones', () => {
    const outer = document.createElement('div');
    outer.lang = 'nl_BE';
    const inner = document.createElement('span');
    inner.setAttribute('lang', '%%');
    outer.append(inner);
    expect(resolveLocale(inner)).toBe('nl-BE');
    expect(resolveLocale(inner, 'de')).toBe('de');
  });
});

describe('loadStrings / pickStrings', () => {
  it('has nothing to wait for in English', () => {
    const { strings, loader } = catalog();
    expect(loadStrings(strings, 'en-GB')).toBeUndefined();
    expect(pickStrings(strings, 'en-GB', { bye: 'Farewell' })).toEqual({ hello: 'Hello', bye: 'Farewell' });
    expect(loader).not.toHaveBeenCalled();
  });

  it('loads Dutch once, reads English until it is there, Dutch afterwards', async () => {
    const { strings, loader } = catalog();
    const first = loadStrings(strings, 'nl');
    const second = loadStrings(strings, 'nl-BE');
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBe(first);
    expect(pickStrings(strings, 'nl').hello).toBe('Hello');
    await first;
    expect(loader).toHaveBeenCalledTimes(1);
    expect(loadStrings(strings, 'nl')).toBeUndefined();
    expect(pickStrings(strings, 'nl', { bye: 'Doei' })).toEqual({ hello: 'Hallo', bye: 'Doei' });
  });

  it('merges an override of a group of strings key by key, and replaces plain strings', () => {
    interface Grouped {
      title: string;
      count: { one: string; other: string };
    }
    const grouped: StringCatalog<Grouped> = { en: { title: 'Title', count: { one: '{count} person', other: '{count} people' } }, nl: () => Promise.reject(new Error('unused')) };
    expect(pickStrings(grouped, 'en', { title: 'Heading', count: { other: '{count} leads' } })).toEqual({ title: 'Heading', count: { one: '{count} person', other: '{count} leads' } });
    expect(grouped.en.count.other).toBe('{count} people');
  });

  it('stays English with one warning when the chunk cannot load, and does not retry on every render', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { strings, loader } = catalog(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    await expect(loadStrings(strings, 'nl')).resolves.toBeUndefined();
    expect(pickStrings(strings, 'nl').hello).toBe('Hello');
    expect(loadStrings(strings, 'nl')).toBeUndefined();
    expect(loader).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('"nl" strings could not be loaded');
  });
});

describe('cached formatters', () => {
  it('give what a new Intl formatter gives, per locale and options, whichever is asked first', () => {
    const days = ['2026-03-21', '2026-12-31'];
    for (const locale of ['en', 'nl-BE', 'en', 'nl-NL']) {
      for (const options of [undefined, { day: 'numeric', month: 'long' } as const, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const]) {
        for (const day of days) {
          const expected = new Intl.DateTimeFormat(locale, { ...(options ?? { day: 'numeric', month: 'short' }), timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
          expect(formatDay(day, locale, options)).toBe(expected);
          // Equal options built anew hit the same formatter and give the same text.
          expect(formatDay(day, locale, options && { ...options })).toBe(expected);
        }
      }
      for (const digits of [0, 1, 2, 0]) {
        expect(formatNumber(1234.5678, locale, digits)).toBe(new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(1234.5678));
      }
      expect(plural(1, locale, { one: '{count} view', other: '{count} views' })).toBe('1 view');
      expect(plural(1200, locale, { one: '{count} view', other: '{count} views' })).toBe(`${new Intl.NumberFormat(locale).format(1200)} views`);
    }
  });
});
