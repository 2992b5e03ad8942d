// Inline Markdown → runs. Every text field of a plan is one paragraph of inline Markdown
// (**đậm**, *nghiêng*); nothing in it may become a block (a task "1. Rà soát" must stay text),
// raw HTML and code are shown literally, and Handlebars expressions are set aside before
// parsing so that Markdown never cuts one apart and substituted values are never re-parsed.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Run, Runs } from '../model/types.ts';

/** A stretch of text with one format; may hold mustache placeholders (see MUSTACHE_MARK). */
export interface InlineSegment {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** A `{{…}}` expression of the source string and its offset (UTF-16 units) in that string. */
export interface Mustache {
  source: string;
  offset: number;
}

export interface ParsedInline {
  segments: InlineSegment[];
  mustaches: Mustache[];
}

// Private-use characters: never typed by authors, never Markdown syntax.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;
const MUSTACHE = /\{\{\{?[\s\S]*?\}?\}\}/g;
/**
 * Characters that can start inline Markdown syntax (CommonMark without GFM). Without them the
 * text is literal even if it starts like a block ("1. ", "- "), since blocks are neutralised.
 */
const MARKDOWN_CHARS = /[*_`[\]<\\&]/;

const processor = unified().use(remarkParse);
const cache = new Map<string, ParsedInline>();
const CACHE_LIMIT = 50_000;

/** NFC, newlines (and the spaces around them) become one space, ends trimmed. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/[ \t]*\r?\n[ \t]*/g, ' ').trim();
}

/** Parse (memoised by string) into segments with mustaches replaced by placeholders. */
export function parseInlineSegments(raw: string): ParsedInline {
  const hit = cache.get(raw);
  if (hit) return hit;
  const mustaches: Mustache[] = [];
  const masked = raw.replace(MUSTACHE, (m, offset: number) => {
    mustaches.push({ source: m, offset });
    return `${OPEN}${mustaches.length - 1}${CLOSE}`;
  });
  const text = normaliseText(masked);
  const segments = MARKDOWN_CHARS.test(text) ? parseMarkdown(text) : text ? [{ text, bold: false, italic: false }] : [];
  const parsed = { segments, mustaches };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, parsed);
  return parsed;
}

/** Inline Markdown → runs, mustaches left as typed. */
export function parseInline(raw: string): Runs {
  const parsed = parseInlineSegments(raw);
  return segmentsToRuns(parsed, (i) => parsed.mustaches[i].source);
}

/** Turn segments into runs, replacing placeholder i by `substitute(i)`; merges equal formats. */
export function segmentsToRuns(parsed: ParsedInline, substitute: (index: number) => string): Runs {
  const runs: Runs = [];
  for (const seg of parsed.segments) {
    const text =
      parsed.mustaches.length === 0 ? seg.text : seg.text.replace(PLACEHOLDER, (_m, i: string) => substitute(Number(i)).normalize('NFC'));
    if (text.length === 0) continue;
    const prev = runs[runs.length - 1];
    if (prev && !!prev.bold === seg.bold && !!prev.italic === seg.italic) {
      prev.text += text;
      continue;
    }
    const run: Run = { text };
    if (seg.bold) run.bold = true;
    if (seg.italic) run.italic = true;
    runs.push(run);
  }
  return runs;
}

/**
 * Make the start of the string unable to open a block: headings, quotes, lists, fences,
 * thematic breaks and HTML blocks would otherwise swallow or restructure the text.
 */
function neutraliseBlockStart(text: string): string {
  if (/^([*_-])(\s*\1){2,}\s*$/.test(text)) return '\\' + text; // thematic break
  const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(text);
  if (ordered) return ordered[1] + '\\' + text.slice(ordered[1].length);
  if (/^([-+*]|#{1,6})(\s|$)/.test(text)) return '\\' + text;
  if (/^(>|<|```|~~~)/.test(text)) return '\\' + text;
  return text;
}

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

function parseMarkdown(text: string): InlineSegment[] {
  const source = neutraliseBlockStart(text);
  const root = processor.parse(source) as unknown as MdNode;
  const out: InlineSegment[] = [];
  const literal = (node: MdNode) => source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? source.length);
  const push = (t: string, bold: boolean, italic: boolean) => {
    if (t) out.push({ text: t, bold, italic });
  };
  const walk = (node: MdNode, bold: boolean, italic: boolean): void => {
    switch (node.type) {
      case 'text':
        push(node.value ?? '', bold, italic);
        return;
      case 'strong':
        for (const c of node.children ?? []) walk(c, true, italic);
        return;
      case 'emphasis':
        for (const c of node.children ?? []) walk(c, bold, true);
        return;
      case 'break':
        push(' ', bold, italic);
        return;
      case 'paragraph':
        for (const c of node.children ?? []) walk(c, bold, italic);
        return;
      default:
        // html, inlineCode, links, images, references: shown exactly as typed.
        push(literal(node), bold, italic);
    }
  };
  const blocks = root.children ?? [];
  blocks.forEach((b, i) => {
    if (i > 0) push(' ', false, false);
    walk(b, false, false);
  });
  return out;
}
