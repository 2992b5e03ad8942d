// Calendar facts for dates written in sources ("YYYY-MM-DD"): the schema checks the shape, this
// checks that the day exists, and says what is wrong in words a clerk can act on.

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function lastDay(year: number, month: number): number {
  return month === 2 && !isLeap(year) ? 28 : DAYS_IN_MONTH[month - 1];
}

/** True for a real calendar date "YYYY-MM-DD" (no 30 February, no month 13, no year 0000). */
export function isCalendarDate(text: string): boolean {
  return calendarProblem(text) === undefined;
}

/** Why "YYYY-MM-DD" (or "YYYY-MM", "YYYY") is not a real date, in Vietnamese; undefined when it is. */
export function calendarProblem(text: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return `"${text}" không phải ngày dạng YYYY-MM-DD`;
  const y = Number(m[1]);
  if (y < 1) return `năm ${m[1]} không có thật`;
  if (m[2] === undefined) return undefined;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return `tháng ${m[2]} không có thật (tháng từ 01 đến 12)`;
  if (m[3] === undefined) return undefined;
  const d = Number(m[3]);
  if (d < 1 || d > lastDay(y, mo)) return `ngày ${m[3]}/${m[2]}/${m[1]} không có thật: tháng ${mo} năm ${y} có ${lastDay(y, mo)} ngày`;
  return undefined;
}
