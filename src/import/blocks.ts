// The intermediate document both readers produce (portal text, DOCX) and the structure
// recogniser consumes: paragraphs and tables in reading order, each with where it was in the input.
// Like a Pandoc reader's output, it knows nothing about plans; it only keeps what the recogniser
// needs to tell a heading from body text (bold, italic, centred) and a table's merges.

export interface Place {
  /** 1-based line of the input text, or paragraph/table number in a DOCX. */
  line: number;
  col: number;
}

export interface Para {
  kind: 'p';
  /** Inline Markdown text (`**bold**`, `*italic*` around runs that were so formatted). */
  text: string;
  /** The text without any markup, for recognising numbers, headings and citations. */
  plain: string;
  bold: boolean;
  italic: boolean;
  centred: boolean;
  /** The paragraph followed the previous one with no blank line (text input); lines of one chunk. */
  joined: boolean;
  at: Place;
}

export interface Cell {
  /** Paragraphs of the cell, inline Markdown. */
  paras: string[];
  /** The cell's text without markup, paragraphs joined by a space. */
  plain: string;
  bold: boolean;
  colSpan: number;
  rowSpan: number;
}

export interface Table {
  kind: 'table';
  /** Rows of cells; a cell covered by a merge from above or the left is absent. */
  rows: Cell[][];
  /** Where each row was (a text row's line; a DOCX row's paragraph number). */
  rowPlaces: Place[];
  at: Place;
}

export type Block = Para | Table;

/** Removes inline Markdown markers for matching (the reader keeps them in `text`). */
export function plainOf(markdown: string): string {
  return markdown.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
}

export function para(text: string, at: Place, opts: Partial<Pick<Para, 'bold' | 'italic' | 'centred' | 'joined'>> = {}): Para {
  return { kind: 'p', text, plain: plainOf(text), bold: false, italic: false, centred: false, joined: false, ...opts, at };
}

export function cell(paras: string[], opts: Partial<Pick<Cell, 'bold' | 'colSpan' | 'rowSpan'>> = {}): Cell {
  return { paras, plain: plainOf(paras.join(' ')), bold: false, colSpan: 1, rowSpan: 1, ...opts };
}
