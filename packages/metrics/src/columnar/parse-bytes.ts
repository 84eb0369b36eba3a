// Reads the model's own instants (UTC, as `@cx/model` writes them) from bytes for the subscription table. Input text
// from files goes through `@cx/ingest`; this stays until the issue-13 time module offers the same over bytes.
const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function digit(buf: Uint8Array, i: number): number {
  const d = (buf[i] as number) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Epoch milliseconds of an ISO 8601 instant written `YYYY-MM-DD[T ]HH:mm:ss[.fraction](Z|±HH:mm)` in
 * `buf[from, to)`, or `NaN` when the bytes are not such an instant (internal; no string is created).
 */
export function parseInstantBytes(buf: Uint8Array, from: number, to: number): number {
  if (to - from < 20) return Number.NaN;
  const year =
    digit(buf, from) * 1000 + digit(buf, from + 1) * 100 + digit(buf, from + 2) * 10 + digit(buf, from + 3);
  const month = digit(buf, from + 5) * 10 + digit(buf, from + 6);
  const day = digit(buf, from + 8) * 10 + digit(buf, from + 9);
  const hour = digit(buf, from + 11) * 10 + digit(buf, from + 12);
  const minute = digit(buf, from + 14) * 10 + digit(buf, from + 15);
  const second = digit(buf, from + 17) * 10 + digit(buf, from + 18);
  const sep = buf[from + 10];
  if (
    buf[from + 4] !== 45 ||
    buf[from + 7] !== 45 ||
    (sep !== 84 && sep !== 32) ||
    buf[from + 13] !== 58 ||
    buf[from + 16] !== 58 ||
    !(month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59)
  ) {
    return Number.NaN;
  }
  const monthDays = month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day > monthDays) return Number.NaN;
  let pos = from + 19;
  let millis = 0;
  if (buf[pos] === 46) {
    pos++;
    let scale = 100;
    const start = pos;
    while (pos < to) {
      const d = (buf[pos] as number) - 48;
      if (d < 0 || d > 9) break;
      millis += d * scale;
      scale /= 10;
      pos++;
    }
    if (pos === start) return Number.NaN;
    millis = Math.floor(millis + 1e-9);
  }
  let offsetMinutes = 0;
  const zone = buf[pos];
  if (zone === 90 || zone === 122) {
    pos++;
  } else if ((zone === 43 || zone === 45) && pos + 6 === to && buf[pos + 3] === 58) {
    const oh = digit(buf, pos + 1) * 10 + digit(buf, pos + 2);
    const om = digit(buf, pos + 4) * 10 + digit(buf, pos + 5);
    if (!(oh <= 23 && om <= 59)) return Number.NaN;
    offsetMinutes = (zone === 43 ? 1 : -1) * (oh * 60 + om);
    pos += 6;
  } else {
    return Number.NaN;
  }
  if (pos !== to) return Number.NaN;
  const leap = month > 2 && isLeap(year) ? 1 : 0;
  const y = year - 1;
  const days =
    (year - 1970) * 365 +
    (Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 477) +
    (CUMULATIVE_DAYS[month - 1] as number) +
    leap +
    day -
    1;
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + millis;
}
