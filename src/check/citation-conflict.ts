// citation-conflict: the same number/symbol cited with different dates or issuers, or with a
// date other than the registry's (the seeds cite "766/QĐ-TTg ngày 23/6/2022" and, later,
// "ngày 22/6/2022"). Reads the rendered wording of every text field.
import type { Diagnostic } from '../load/diagnostic.ts';
import type { ProjectData } from '../load/types.ts';
import type { RenderedText } from '../template/render.ts';
import { parseDate } from '../model/dates.ts';

const MENTION =
  /(?<![\p{L}\d])(\d+(?:[-/][\p{L}\d]+)*\/[\p{L}\d]+(?:-[\p{L}\d]+)*)\s+ngày\s+(?:(\d{1,2})\/(\d{1,2})\/(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))/gu;
const ISSUER = /^\s+của\s+((?:[^\s,;.()]+\s*){1,8})/u;
const STOP = new Set(['về', 'tại', 'trên', 'để', 'và', 'theo', 'nhằm', 'đối', 'với', 'thực', 'phê', 'trong', 'đã', 'giai']);

interface Mention {
  date: string;
  issuer?: string;
  text: RenderedText;
}

function issuerOf(rest: string): string | undefined {
  const m = ISSUER.exec(rest);
  if (!m) return undefined;
  const words: string[] = [];
  for (const w of m[1].trim().split(/\s+/)) {
    if (STOP.has(w.toLowerCase())) break;
    words.push(w);
  }
  return words.length ? words.join(' ') : undefined;
}

/** Full names of agencies → their abbreviation, longest first (data/cap.yaml `viet_tat`). */
type Abbreviations = [full: string, short: string][];

function abbreviationsOf(project: ProjectData): Abbreviations {
  const table: Record<string, string> = { UBND: 'Ủy ban nhân dân', ...(project.rawLevels.viet_tat ?? {}) };
  return Object.entries(table)
    .map(([short, full]) => [full.normalize('NFC').toLowerCase(), short.toLowerCase()] as [string, string])
    .sort((a, b) => b[0].length - a[0].length);
}

/**
 * An issuer in one spelling: lower case, "uỷ" as "ủy", and every full agency name written as its
 * abbreviation, so "Hội đồng nhân dân tỉnh" and "HĐND tỉnh" are one body.
 */
function normaliseIssuer(s: string, abbreviations: Abbreviations): string {
  let out = s.normalize('NFC').toLowerCase().replace(/uỷ/g, 'ủy').replace(/\s+/g, ' ').trim();
  for (const [full, short] of abbreviations) out = out.split(full.replace(/uỷ/g, 'ủy')).join(short);
  return out;
}

/**
 * Where a free-text issuer ends cannot be known ("của Thủ tướng Chính phủ số 1"), and a short
 * form is legitimate ("UBND tỉnh" for "UBND tỉnh Khánh Hòa"), so issuers are compared on their
 * first two words: "UBND huyện" vs "UBND tỉnh", "Văn phòng" vs "Sở".
 */
function head(issuer: string, abbreviations: Abbreviations): string {
  return normaliseIssuer(issuer, abbreviations).split(' ').slice(0, 2).join(' ');
}

function show(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

/**
 * Numbers restart every year (there is a "01/NQ-CP" each January), so a mention is identified by
 * its number and year: "01/NQ-CP ngày 05/01/2024" and "01/NQ-CP ngày 08/01/2025" are two texts.
 */
function keyOf(number: string, date: string): string {
  return `${number}@${date.slice(0, 4)}`;
}

export function checkCitations(texts: readonly RenderedText[], project: ProjectData): Diagnostic[] {
  const registry = new Map<string, { date: string; id: string; issuer?: string }>();
  for (const [id, e] of project.citations) if (e.so_ky_hieu && e.ngay) registry.set(keyOf(e.so_ky_hieu, e.ngay), { id, date: e.ngay, issuer: e.co_quan });
  const first = new Map<string, Mention>();
  const abbreviations = abbreviationsOf(project);
  const sameBody = (a: string, b: string) => head(a, abbreviations) === head(b, abbreviations);
  const out: Diagnostic[] = [];
  const warn = (t: RenderedText, message: string) => out.push({ ...t.origin, severity: 'warning', rule: 'citation-conflict', message });
  for (const t of texts) {
    for (const m of t.text.matchAll(MENTION)) {
      const number = m[1];
      const [d, mo, y] = m[2] ? [m[2], m[3], m[4]] : [m[5], m[6], m[7]];
      const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
      if (!parseDate(date)) continue;
      const issuer = issuerOf(t.text.slice((m.index ?? 0) + m[0].length));
      const key = keyOf(number, date);
      const known = registry.get(key);
      if (known) {
        if (known.date !== date) {
          warn(t, `Văn bản ${number} được ghi ngày ${show(date)}, nhưng danh mục data/van-ban (mã ${known.id}) ghi ngày ${show(known.date)}; dùng {{van_ban "${known.id}"}} để trích dẫn`);
        } else if (issuer && known.issuer && !sameBody(issuer, known.issuer)) {
          warn(t, `Văn bản ${number} được ghi là của "${issuer}", nhưng danh mục data/van-ban (mã ${known.id}) ghi là của "${known.issuer}"`);
        }
        continue;
      }
      const prev = first.get(key);
      if (!prev) {
        first.set(key, { date, issuer, text: t });
        continue;
      }
      if (prev.date !== date) {
        warn(t, `Văn bản ${number} được ghi ngày ${show(date)}, nhưng ở ${prev.text.origin.file}:${prev.text.origin.line} ghi ngày ${show(prev.date)}`);
      } else if (issuer && prev.issuer && !sameBody(issuer, prev.issuer)) {
        warn(t, `Văn bản ${number} được ghi là của "${issuer}", nhưng ở ${prev.text.origin.file}:${prev.text.origin.line} ghi là của "${prev.issuer}"`);
      }
    }
  }
  return out;
}
