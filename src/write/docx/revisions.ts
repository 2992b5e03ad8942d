// The writer state of a redline document: who made the tracked changes, when, and the next w:id.
// One object per layout, passed explicitly to every builder that can write a mark, so that two
// layouts never share a counter and ids count from 1 in every render (deterministic output).
import { escapeAttr } from './xml.ts';
import { nfc } from './units.ts';

export type Change = 'insert' | 'delete';

/** An ISO 8601 day or instant: 2024-03-01, 2024-03-01T02:30:00Z, 2024-03-01T09:30:00+07:00. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?$/;

/** A date a tracked change can carry: ISO 8601 shape, and a day that exists (no 30 February). */
export function isRevisionDate(text: string): boolean {
  if (!ISO_DATE.test(text) || Number.isNaN(Date.parse(text))) return false;
  const day = text.slice(0, 10);
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

export class Revisions {
  private readonly author: string;
  private readonly date: string;
  private nextId = 1;

  /**
   * A revision without an author or with no valid date is refused here: Word shows both on every
   * change, and a silent stand-in ("kehoach", 1970) would be a false record of who changed what.
   */
  constructor(revision: { author: string; date: string }) {
    const author = nfc(revision.author ?? '').trim();
    if (!author) throw new Error('Bản so sánh (redline) cần tên người sửa (author) cho các thay đổi được theo dõi.');
    if (!isRevisionDate(revision.date ?? '')) {
      throw new Error(`Bản so sánh (redline) cần ngày sửa dạng ISO 8601 (YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM:SSZ), không phải '${revision.date}'.`);
    }
    this.author = escapeAttr(author);
    this.date = escapeAttr(/^\d{4}-\d{2}-\d{2}$/.test(revision.date) ? `${revision.date}T00:00:00Z` : revision.date);
  }

  /** Attributes of one w:ins / w:del (a run's, a paragraph mark's or a row's), with a fresh id. */
  attrs(): string {
    return `w:id="${this.nextId++}" w:author="${this.author}" w:date="${this.date}"`;
  }

  /** An empty mark element, as a paragraph mark (w:pPr/w:rPr) or a row (w:trPr) carries it. */
  mark(change: Change): string {
    return `<w:${change === 'insert' ? 'ins' : 'del'} ${this.attrs()}/>`;
  }
}

/** The state a builder needs to write a tracked change; an ordinary document has none. */
export function requireRevisions(revisions: Revisions | undefined): Revisions {
  // A model that carries marks without a revision is a fault of the tool, never of the sources.
  if (!revisions) throw new Error('internal: a tracked change in a document that has no revision (author, date)');
  return revisions;
}
