import { createCalendar, MS_PER_DAY } from '@cx/model';

const months = createCalendar({ interval: 'month' });

/**
 * Adds whole UTC calendar months to an instant, keeping the day of the month (the month's last day when it is
 * shorter) and the time of day: 31 January + 1 month is 29 February in a leap year. Built on the one calendar of
 * `@cx/model`.
 */
export function addMonths(ms: number, count: number): number {
  const index = months.indexOf(ms);
  const offset = ms - months.startOfIndex(index);
  const day = Math.floor(offset / MS_PER_DAY);
  const start = months.startOfIndex(index + count);
  const lastDay = Math.round((months.startOfIndex(index + count + 1) - start) / MS_PER_DAY) - 1;
  return start + Math.min(day, lastDay) * MS_PER_DAY + (offset - day * MS_PER_DAY);
}
