// The body of a plan (mục I., 1., a), ý -, +) from its paragraphs. Typed numbers become
// structure: the tool numbers the result itself, so a skipped number or letter in the input is
// reported here and disappears from the import instead of being copied.
import type { Bang, Gach, Muc } from '../model/source-types.generated.ts';
import type { Para, Place } from './blocks.ts';
import { bodyLabel, expectedLabel, ordinal, type Label, type LabelKind } from './labels.ts';
import type { ImportReport } from './report.ts';
import type { IdMaker } from './slug.ts';
import { sourceText } from './text.ts';

interface BulletNode {
  text: string;
  paras: string[];
  gach: BulletNode[];
}

interface ItemNode {
  level: number;
  label: Label;
  at: Place;
  text: string;
  paras: string[];
  muc: ItemNode[];
  gach: BulletNode[];
  ket: string[];
  bang?: Bang;
}

const LEVEL: Partial<Record<LabelKind, number>> = { roman: 1, arabic: 2, letter: 3, sub: 3 };

/** A heading kept as a title: a short line that introduces children and does not end a sentence. */
const TITLE_MAX = 200;

export class BodyBuilder {
  private readonly roots: ItemNode[] = [];
  private stack: ItemNode[] = [];

  constructor(
    private readonly report: ImportReport,
    private readonly ids: IdMaker,
  ) {}

  get started(): boolean {
    return this.roots.length > 0;
  }

  /** True when `p` opens or continues the body (a roman heading starts it). */
  accepts(p: Para): boolean {
    if (this.started) return true;
    return bodyLabel(p.plain)?.kind === 'roman';
  }

  add(p: Para): void {
    const label = bodyLabel(p.text.replace(/^\*+/, '')) ?? undefined;
    const level = label ? LEVEL[label.kind] : undefined;
    if (label && level) {
      while (this.stack.length && this.stack[this.stack.length - 1].level >= level) this.stack.pop();
      const node: ItemNode = { level, label, at: p.at, text: stripMarks(label.rest), paras: [], muc: [], gach: [], ket: [] };
      const parent = this.stack[this.stack.length - 1];
      (parent ? parent.muc : this.roots).push(node);
      this.stack.push(node);
      if (label.kind === 'sub') this.report.warn(p.at, 'import-numbering', `Số thứ tự "${label.value}" trong nội dung được đổi thành chữ cái a), b) … theo Nghị định 30`);
      return;
    }
    const current = this.stack[this.stack.length - 1];
    if (!current) return;
    const text = label ? stripMarks(label.rest) : p.text;
    if (label?.kind === 'dash' || label?.kind === 'plus') {
      const parentBullet = label.kind === 'plus' ? current.gach[current.gach.length - 1] : undefined;
      (parentBullet ? parentBullet.gach : current.gach).push({ text, paras: [], gach: [] });
      return;
    }
    const lastBullet = current.gach[current.gach.length - 1];
    if (current.muc.length === 0 && current.gach.length === 0 && current.ket.length === 0 && !current.bang) current.paras.push(text);
    else if (lastBullet && current.ket.length === 0 && !/^\*?\(/.test(text)) lastBullet.paras.push(text);
    else current.ket.push(text);
  }

  /**
   * A table between paragraphs of the body: the current item's `bang`, printed after its
   * paragraphs. False where the item already has what prints after a table (sub-items, bullets,
   * closing text, another table): the caller keeps the table unplaced rather than move it.
   */
  addTable(bang: Bang): boolean {
    const current = this.stack[this.stack.length - 1];
    if (!current || current.bang || current.muc.length || current.gach.length || current.ket.length) return false;
    current.bang = bang;
    return true;
  }

  /** The items as plan source (noi_dung), after checking each typed sequence. */
  finish(): Muc[] {
    this.checkSequence(this.roots);
    return this.roots.map((n) => this.toMuc(n));
  }

  private checkSequence(items: ItemNode[]): void {
    let prev: ItemNode | undefined;
    for (const item of items) {
      const n = ordinal(item.label);
      const p = prev && prev.label.kind === item.label.kind ? ordinal(prev.label) : 0;
      if (n !== undefined && p !== undefined && n !== p + 1) {
        const typed = item.label.kind === 'letter' ? `${item.label.value})` : `${item.label.value}.`;
        this.report.warn(item.at, 'import-numbering', `Số thứ tự "${typed}" không liền mạch (phải là "${expectedLabel(item.label.kind, p + 1)}"); kehoach tự đánh số nên bản nhập đã sửa`);
      }
      prev = item;
      this.checkSequence(item.muc);
    }
  }

  private toMuc(n: ItemNode): Muc {
    const hasChildren = n.paras.length + n.muc.length + n.gach.length + n.ket.length > 0 || !!n.bang;
    const titled = n.level === 1 || (hasChildren && n.text.length <= TITLE_MAX && !/[.;]$/.test(n.text));
    const m: Muc = { id: this.ids.make(n.text, 'muc') };
    const paras = titled ? n.paras : [n.text, ...n.paras];
    if (titled) m.tieu_de = sourceText(n.text);
    if (paras.length) m.noi_dung = oneOrMany(paras.map(sourceText));
    if (n.bang) m.bang = n.bang;
    if (n.muc.length) m.muc = n.muc.map((c) => this.toMuc(c));
    if (n.gach.length) m.gach = n.gach.map((g) => this.toGach(g));
    if (n.ket.length) m.ket = oneOrMany(n.ket.map(sourceText));
    return m;
  }

  private toGach(g: BulletNode): Gach {
    const out: Gach = { id: this.ids.make(g.text, 'y'), noi_dung: oneOrMany([g.text, ...g.paras].map(sourceText)) };
    if (g.gach.length) out.gach = g.gach.map((c) => this.toGach(c));
    return out;
  }
}

function stripMarks(text: string): string {
  return text.replace(/^\*+\s*/, '').replace(/\s*\*+$/, '').trim();
}

export function oneOrMany(list: string[]): string | string[] {
  return list.length === 1 ? list[0] : list;
}
