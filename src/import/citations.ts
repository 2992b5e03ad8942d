// Cited documents in imported text ("Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính
// phủ") → references to the registry (data/van-ban): `{{van_ban "qd-766-2022-ttg"}}` with the
// options that render exactly the words typed, so the number, date and issuer are written once.
// A document the registry lacks becomes a new entry for the province's registry file. The same
// number with another date (in the input, or against the registry) is a conflict, warned at the
// input's line: the text keeps what was typed and the registry is not guessed at.
import type { VanBanTrichDan } from '../model/source-types.generated.ts';
import { formatCitation } from '../model/citation.ts';
import { numericDate, parseDate } from '../model/dates.ts';
import type { Block } from './blocks.ts';
import type { ImportReport } from './report.ts';
import { foldWords } from './slug.ts';

/** Kinds of document a plan cites, longest first (a regex alternation takes the first that fits). */
const KINDS: Record<string, string> = {
  'Thông tư liên tịch': 'ttlt',
  'Kế hoạch hành động': 'kh',
  'Nghị quyết': 'nq',
  'Quyết định': 'qd',
  'Kế hoạch': 'kh',
  'Công văn': 'cv',
  'Chỉ thị': 'ct',
  'Thông tư': 'tt',
  'Nghị định': 'nd',
  'Thông báo': 'tb',
  'Hướng dẫn': 'hd',
  'Chương trình': 'ctr',
  'Báo cáo': 'bc',
  'Đề án': 'da',
  'Văn bản': 'vb',
};

const NUMBER = String.raw`\d+(?:\/\d{4})?\/[\p{L}\d]+(?:-[\p{L}\d]+)*`;
const DATE = String.raw`ngày\s+(?:(\d{1,2})\/(\d{1,2})\/(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))`;
const MENTION = new RegExp(`(?<![\\p{L}])(${Object.keys(KINDS).join('|')})\\s+(số\\s+)?(${NUMBER})\\s+${DATE}`, 'gu');
/** Words that end an issuer's name ("của UBND huyện Phú Vang về việc …"). */
const ISSUER_END = new Set(['về', 'tại', 'trên', 'để', 'và', 'theo', 'nhằm', 'đối', 'với', 'thực', 'phê', 'trong', 'đã', 'giai', 'ban', 'hướng', 'quy']);

export interface Mention {
  kind: string;
  hasSo: boolean;
  number: string;
  /** NNNN-TT-NN. */
  date: string;
  longDate: boolean;
  issuer?: string;
  start: number;
}

export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const [d, mo, y] = m[4] ? [m[4], m[5], m[6]] : [m[7], m[8], m[9]];
    const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    if (!parseDate(date)) continue;
    const rest = text.slice((m.index ?? 0) + m[0].length);
    out.push({ kind: m[1], hasSo: !!m[2], number: m[3], date, longDate: !m[4], issuer: issuerOf(rest), start: m.index ?? 0 });
  }
  return out;
}

function issuerOf(rest: string): string | undefined {
  const m = /^\s+của\s+([^,;.()]+)/u.exec(rest);
  if (!m) return undefined;
  const words: string[] = [];
  for (const w of m[1].trim().split(/\s+/)) {
    if (ISSUER_END.has(w.toLowerCase()) || words.length >= 10) break;
    words.push(w);
  }
  return words.length ? words.join(' ') : undefined;
}

/** As a plan prints it (Nghị định 30: "05/01/2024", "23/6/2022"). */
const show = (date: string) => numericDate(parseDate(date)!);

/** Numbers restart every year, so a document is its number and its year (as check's citation-conflict). */
const keyOf = (number: string, date: string) => `${number}@${date.slice(0, 4)}`;

export class CitationMatcher {
  /** Registry entries (and entries this import adds) by number and year. */
  private readonly byKey = new Map<string, { id: string; entry: VanBanTrichDan }>();
  private readonly ids: Set<string>;
  /** Documents this import adds to the registry, in the order first cited. */
  readonly added: VanBanTrichDan[] = [];
  /** Documents that are plans of plans/ (the parent): never registry entries, left as typed. */
  private readonly plans = new Set<string>();
  /** Number and year of documents outside the registry cited with two dates: left as typed. */
  private readonly conflicting = new Set<string>();

  constructor(registry: ReadonlyMap<string, VanBanTrichDan>) {
    this.ids = new Set(registry.keys());
    for (const [id, entry] of registry) if (entry.so_ky_hieu && entry.ngay) this.byKey.set(keyOf(entry.so_ky_hieu, entry.ngay), { id, entry });
  }

  /**
   * Reads every mention in the input's paragraphs and cells, warning where one number carries two
   * dates: against the registry, or against an earlier mention of the input.
   */
  scan(blocks: Block[], report: ImportReport, placeName: string): void {
    const first = new Map<string, { date: string; line: number }>();
    const visit = (text: string, at: { line: number; col: number }) => {
      for (const m of findMentions(text)) {
        const key = keyOf(m.number, m.date);
        const known = this.byKey.get(key);
        if (known && known.entry.ngay !== m.date) {
          report.warn(at, 'citation-conflict', `Văn bản ${m.number} được ghi ngày ${show(m.date)}, nhưng danh mục data/van-ban (mã ${known.id}) ghi ngày ${show(known.entry.ngay!)}: sửa ngày trong văn bản (hoặc trong danh mục nếu danh mục sai); bản nhập giữ nguyên chữ đã gõ`);
          continue;
        }
        const prev = first.get(key);
        if (prev && prev.date !== m.date) {
          this.conflicting.add(key);
          report.warn(at, 'citation-conflict', `Văn bản ${m.number} được ghi ngày ${show(m.date)}, nhưng ở ${placeName} ${prev.line} ghi ngày ${show(prev.date)}: một văn bản chỉ có một ngày ban hành, sửa cho thống nhất; bản nhập giữ nguyên chữ đã gõ`);
        } else if (!prev) first.set(key, { date: m.date, line: at.line });
      }
    };
    for (const b of blocks) {
      if (b.kind === 'p') visit(b.plain, b.at);
      else b.rows.forEach((row, r) => row.forEach((c) => visit(c.plain, b.rowPlaces[r] ?? b.at)));
    }
  }

  /** A plan of plans/ by its number-symbols ("5/KH-UBND", typed "05/KH-UBND" too) and date. */
  planInPlans(numbers: string[], date: string): void {
    for (const n of numbers) {
      const bare = n.replace(/^0+(?=\d)/, '');
      for (const form of [bare, bare.replace(/^(\d)(?=\/)/, '0$1')]) this.plans.add(keyOf(form, date));
    }
  }

  /** The text with each citation the registry holds (or gains) written as `{{van_ban}}`. */
  replace(text: string): { text: string; ids: string[] } {
    const mentions = findMentions(text);
    if (!mentions.length) return { text, ids: [] };
    let out = '';
    let from = 0;
    const ids: string[] = [];
    for (const m of mentions) {
      if (m.start < from) continue;
      const key = keyOf(m.number, m.date);
      if (this.plans.has(key)) continue;
      const known = this.byKey.get(key);
      // A mention that disagrees with the registry, or with itself elsewhere, stays as typed.
      if (known ? known.entry.ngay !== m.date : this.conflicting.has(key)) continue;
      const ref = known ?? this.addEntry(m);
      if (!ref) continue;
      const best = bestRendering(ref.entry, m, text);
      if (!best) {
        if (!known) this.dropEntry(key, ref.id);
        continue;
      }
      out += text.slice(from, m.start) + helperCall(ref.id, best.opts);
      from = m.start + best.rendered.length;
      ids.push(ref.id);
    }
    return { text: out + text.slice(from), ids };
  }

  private addEntry(m: Mention): { id: string; entry: VanBanTrichDan } | undefined {
    if (!m.issuer) return undefined;
    const entry: VanBanTrichDan = { id: this.newId(m), loai: m.kind, so_ky_hieu: m.number, ngay: m.date, co_quan: m.issuer };
    // Only a citation that renders back to the typed words is referenced (checked by the caller).
    const ref = { id: entry.id, entry };
    this.byKey.set(keyOf(m.number, m.date), ref);
    this.ids.add(entry.id);
    this.added.push(entry);
    return ref;
  }

  private dropEntry(key: string, id: string): void {
    this.byKey.delete(key);
    this.ids.delete(id);
    this.added.splice(this.added.findIndex((e) => e.id === id), 1);
  }

  /** "kh-82-2024-ubnd-phu-vang", "qd-766-2022-ttg": the registry's own pattern. */
  private newId(m: Mention): string {
    const parts = m.number.split('/');
    const num = parts[0];
    const symbol = parts[parts.length - 1].split('-');
    const kindCode = KINDS[m.kind] ?? 'vb';
    const known = new Set(['qd', 'nq', 'kh', 'ct', 'tt', 'nd', 'tb', 'hd', 'bc', 'ttlt']);
    const rest = foldWords(symbol.filter((s, i) => !(i === 0 && known.has(foldWords(s).join('')))).join(' '));
    const generic = rest.length === 0 || rest.every((w) => w === 'ubnd' || w === 'hdnd');
    const place = generic && m.issuer ? foldWords(m.issuer.replace(/^(UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)\s+/iu, '').replace(/^(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+/iu, '')) : [];
    const base = [kindCode, num, m.date.slice(0, 4), ...rest, ...place].join('-').replace(/-+/g, '-');
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    return id;
  }
}

interface Rendering {
  rendered: string;
  opts: [string, string | boolean][];
}

/** Of the helper's option sets, the one whose output is the longest exact reading of the typed words. */
function bestRendering(entry: VanBanTrichDan, m: Mention, text: string): Rendering | undefined {
  let best: Rendering | undefined;
  for (const coQuan of [true, false]) {
    for (const trichYeu of [true, false]) {
      const opts: [string, string | boolean][] = [];
      if (m.kind !== entry.loai) opts.push(['loai', m.kind]);
      if (m.longDate) opts.push(['ngay', 'chu']);
      if (!m.hasSo) opts.push(['so', false]);
      if (!coQuan) opts.push(['co_quan', false]);
      if (trichYeu) {
        if (!entry.trich_yeu) continue;
        opts.push(['trich_yeu', true]);
      }
      const rendered = formatCitation(entry, Object.fromEntries(opts));
      if (text.startsWith(rendered, m.start) && !/[\p{L}\d]/u.test(text.charAt(m.start + rendered.length)) && (!best || rendered.length > best.rendered.length)) {
        best = { rendered, opts };
      }
    }
  }
  return best;
}

function helperCall(id: string, opts: [string, string | boolean][]): string {
  return `{{van_ban "${id}"${opts.map(([k, v]) => ` ${k}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`).join('')}}}`;
}

/** Keys of a plan source whose strings are codes or names, never text that cites. */
const NOT_TEXT = new Set(['id', 'don_vi', 'loai', 'ngay', 'ten_loai', 'ky_hieu', 'ke_thua', 'ky', 'noi_nhan', 'co_quan_chu_quan', 'co_quan_ban_hanh', 'huong', 'kieu', 'dinh_dang', 'chi_so', 'can', 'chi_cap', 'van_ban', 'ke_hoach', '$truoc', '$sau', 'han']);

/** Every text of a plan source (or part of one) with its citations replaced, in place. */
export function replaceCitations(value: unknown, matcher: CitationMatcher): unknown {
  if (typeof value === 'string') return value.includes('ngày') ? matcher.replace(value).text : value;
  if (Array.isArray(value)) return value.map((v) => replaceCitations(v, matcher));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = NOT_TEXT.has(k) ? v : replaceCitations(v, matcher);
    return out;
  }
  return value;
}
