// Plain-text writer: the resolved plan as numbered text, one paragraph per line. Used by
// `kehoach print` (git textconv) and by `kehoach diff` to compare revisions as a reader sees them.
import type { Block, HeaderGrid, PlanDocument, Runs, Signature, Recipients, TableBlock, TextBlock } from '../../model/types.ts';

export function runsToText(runs: Runs): string {
  return runs.map((r) => r.text).join('');
}

export function blockLine(block: TextBlock): string {
  const text = runsToText(block.runs);
  return block.label ? `${block.label} ${text}` : text;
}

function header(h: HeaderGrid): string[] {
  const lines = [...h.supervisingAgency, ...h.issuingAgency];
  lines.push('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc');
  if (h.numberLine) lines.push(h.numberLine);
  if (h.placeDateLine) lines.push(h.placeDateLine);
  return lines;
}

function table(t: TableBlock): string[] {
  return [...t.header, ...t.body].map((row) =>
    row.cells.map((c) => c.paragraphs.map(runsToText).join(' / ')).join(' | '),
  );
}

function blocks(list: readonly Block[]): string[] {
  return list.flatMap((b) => (b.type === 'table' ? table(b) : [blockLine(b)]));
}

function closing(signature?: Signature, recipients?: Recipients): string[] {
  const lines: string[] = [];
  if (recipients) lines.push('Nơi nhận:', ...recipients.lines);
  if (signature) lines.push(...signature.lines, signature.name);
  return lines;
}

export function renderText(doc: PlanDocument): string {
  const out: string[] = [];
  const d = doc.decision;
  if (d) {
    out.push(...header(d.header), '', d.kind, runsToText(d.title), d.authority, '');
    out.push(...blocks(d.bases), 'QUYẾT ĐỊNH:', ...blocks(d.articles), '', ...closing(d.signature, d.recipients), '');
  }
  const p = doc.plan;
  out.push(...header(p.header), '', p.kind, runsToText(p.title));
  if (p.attachedNote) out.push(p.attachedNote);
  out.push('', ...blocks(p.preamble), ...blocks(p.body), '', ...closing(p.signature, p.recipients));
  for (const a of doc.annexes) {
    out.push('', a.label, a.title, a.attachedNote, '', ...blocks(a.blocks));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
