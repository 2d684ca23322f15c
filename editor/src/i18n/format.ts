/**
 * @module Times and numbers in the UI language: "5 min ago" / "5 分钟前", full date-times, durations.
 */
import type { TFunction } from 'i18next';

/** "just now", "5 min ago", "3 h ago", else the date, in the UI language. */
export function timeAgoText(t: TFunction, time: number, language: string, now: number = Date.now()): string {
  const seconds = Math.round((now - time) / 1000);
  if (seconds < 45) return t('common.justNow');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('common.minutesAgo', { count: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 24) return t('common.hoursAgo', { count: hours });
  return new Date(time).toLocaleDateString(language);
}

/** A date and time to the second, in the UI language. */
export function dateTimeText(time: number, language: string): string {
  return new Date(time).toLocaleString(language, { hour12: false });
}
