import { formatNumber } from '../i18n/locale.ts';

/**
 * Minutes as people read them: whole minutes from 100 up and for whole values ("1,367", "42"),
 * one decimal below 100 otherwise ("25.3") — never "1,367.0".
 */
export function formatMinutes(value: number, locale: string): string {
  return formatNumber(value, locale, value < 100 && Math.round(value * 10) % 10 ? 1 : 0);
}
