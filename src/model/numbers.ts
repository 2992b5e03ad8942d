// Numbers from the plan's data printed as Vietnamese writes them: a dot between thousands and a
// comma before decimals (1.500; 0,3), by Intl.NumberFormat('vi-VN'). Fifteen significant digits
// drop binary noise (0.1 + 0.2 prints "0,3", not "0,30000000000000004"). Document numbers, dates
// and codes never come here: they are text, formatted where they are built (dates.ts, citation.ts).

// Made on first use: loading the vi-VN locale data costs about 25 ms, a tenth of a `print`,
// and most plans print only small whole numbers (percentages, counts), which need no grouping.
let vi: Intl.NumberFormat | undefined;

/** A quantity: 1500 → "1.500", 99.5 → "99,5", 0.1 + 0.2 → "0,3". */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1000) return String(Object.is(n, -0) ? 0 : n);
  vi ??= new Intl.NumberFormat('vi-VN', { maximumSignificantDigits: 15 });
  return vi.format(n);
}

/**
 * A number the plan's author typed where it may be a year (a variable, a table cell outside a
 * target column): a whole number from 1900 to 2100 prints as a year, without the thousands dot
 * ("2025", not "2.025"); any other number as a quantity. A year is never a quantity there, and a
 * quantity in that range printed ungrouped is still read right.
 */
export function formatTypedNumber(n: number): string {
  return Number.isInteger(n) && n >= 1900 && n <= 2100 ? String(n) : formatNumber(n);
}
