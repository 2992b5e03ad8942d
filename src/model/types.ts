// The resolved, typed plan model: the only thing writers (DOCX, HTML/PDF, text) read.
// Everything here is final text: numbering, punctuation, dates, citations, level wording and
// upper-casing have already been applied by the model builder. Writers only place it.

/** A run of inline text. Text is NFC-normalised. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Set only in a redline document (kehoach diff --redline): a tracked insertion or deletion. */
  change?: 'insert' | 'delete';
  /** A document number ("766/QĐ-TTg"): never broken across lines (document-numbers.ts). */
  noBreak?: boolean;
}

/** One paragraph's inline content. */
export type Runs = Run[];

/** Where a value was written in the sources (child or parent file). */
export interface Origin {
  file: string;
  line: number;
  col: number;
}

/**
 * A block of running text. `label` is the generated number ("I.", "1.", "a)", "-", "+", "Điều 1.")
 * printed before the runs; `role` tells the writer which typographic rule of Nghị định 30 applies.
 */
export interface TextBlock {
  type: 'text';
  role:
    | 'section' // I. MỤC ĐÍCH, YÊU CẦU — bold, upper case (already upper-cased)
    | 'item-title' // 1. Mục đích — bold
    | 'point-title' // a) Rà soát ... — regular
    | 'paragraph' // body paragraph, justified, first-line indent; label may be "1.", "a)", "-", "+"
    | 'basis' // căn cứ / thực hiện lines of the preamble
    | 'article' // Điều n. — label bold, text regular
    | 'annex-heading' // 1. / 9.1. headings inside an appendix — bold
    | 'note'; // "(Chi tiết tại Phụ lục kèm theo)" and similar — as written
  label?: string;
  runs: Runs;
  italic?: boolean;
  /** Stable id path of the source element ("noi-dung/nhiem-vu/cai-cach"), for diff and redline. */
  ref: string;
  /**
   * Set only in a redline document: the whole paragraph — label, text and paragraph mark — was
   * inserted or deleted, so that accepting or rejecting every change leaves no empty paragraph.
   */
  change?: 'insert' | 'delete';
  /** Set only in a redline document: the label the older revision printed ('' for none), when renumbering changed it. */
  oldLabel?: string;
}

export interface TableColumn {
  id: string;
  /** Width in millimetres, already fitted to the page's text width. */
  widthMm: number;
  align: 'left' | 'center' | 'right' | 'justify';
}

export interface TableCell {
  /** One or more paragraphs; a numbered list in a cell is already rendered as "1. ..." paragraphs. */
  paragraphs: Runs[];
  colSpan: number;
  rowSpan: number;
  align: 'left' | 'center' | 'right' | 'justify';
  bold?: boolean;
  italic?: boolean;
}

export interface TableRow {
  kind: 'header' | 'group' | 'data';
  /** Cells covered by a rowSpan from an earlier row are omitted (HTML semantics). */
  cells: TableCell[];
  ref: string;
  /** Set only in a redline document: the whole row was inserted or deleted. */
  change?: 'insert' | 'delete';
}

export interface TableBlock {
  type: 'table';
  columns: TableColumn[];
  /** Header rows, repeated on every page. */
  header: TableRow[];
  body: TableRow[];
  fontSizePt: number;
  ref: string;
}

export type Block = TextBlock | TableBlock;

/** Header grid of a first page (Phụ lục I, mục IV of Nghị định 30). */
export interface HeaderGrid {
  /** Ô 2, supervising agency lines: upper case, regular. */
  supervisingAgency: string[];
  /** Ô 2, issuing agency lines: upper case, bold. */
  issuingAgency: string[];
  /** Ô 3: "Số: 50/KH-UBND" or "Số:      /QĐ-UBND"; absent for a text promulgated by a decision. */
  numberLine?: string;
  /** Ô 4: "Phú Hồ, ngày 18 tháng 3 năm 2024"; absent for a text promulgated by a decision. */
  placeDateLine?: string;
}

export interface Signature {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", then the position "PHÓ CHỦ TỊCH": bold, upper case. */
  lines: string[];
  /** Signer's name, bold; empty string leaves the space blank. */
  name: string;
}

export interface Recipients {
  /** "- CT, PCT UBND xã;" … "- Lưu: VT, VP." — punctuation generated. */
  lines: string[];
}

/**
 * Set only in a redline document (kehoach diff --redline): lines the model otherwise holds as plain
 * strings, as runs with tracked changes against the older revision. The DOCX writer prints these
 * in place of the strings; other writers never see a redline document.
 */
export interface TrackedLines {
  numberLine?: Runs;
  placeDateLine?: Runs;
  attachedNote?: Runs;
  /** Nơi nhận lines, removed ones put back as deletions. */
  recipients?: TrackedLine[];
  /** Signature lines (TM., KT., position), removed ones put back as deletions. */
  signatureLines?: TrackedLine[];
  signatureName?: Runs;
}

/** One line of a list in a redline: its runs, and whether the whole line (its paragraph) is new or removed. */
export interface TrackedLine {
  runs: Runs;
  change?: 'insert' | 'delete';
}

export interface Decision {
  header: HeaderGrid;
  tracked?: TrackedLines;
  kind: string; // "QUYẾT ĐỊNH"
  title: Runs; // trích yếu, bold, centred
  authority: string; // "ỦY BAN NHÂN DÂN XÃ CAM HIỆP" (thẩm quyền ban hành)
  bases: TextBlock[]; // italic: Căn cứ ...; Theo đề nghị của ....
  articles: TextBlock[]; // role 'article', last one ends with "./."
  signature: Signature;
  recipients: Recipients;
}

export interface PlanPart {
  header: HeaderGrid;
  tracked?: TrackedLines;
  kind: string; // "KẾ HOẠCH" / "KẾ HOẠCH HÀNH ĐỘNG"
  title: Runs;
  /** "(Ban hành kèm theo Quyết định số … ngày … của …)" when promulgated by a decision. */
  attachedNote?: string;
  /** Căn cứ, "Thực hiện …", opening paragraphs. */
  preamble: TextBlock[];
  /** Numbered body, the last paragraph ending with "./.". */
  body: Block[];
  signature?: Signature;
  recipients?: Recipients;
}

export interface Annex {
  id: string;
  /** "Phụ lục I", "Phụ lục II", or "Phụ lục" when there is only one. */
  label: string;
  /** File stem: "phu-luc-1", "phu-luc-2", or "phu-luc". */
  fileStem: string;
  title: string; // upper case
  /** "(Kèm theo Kế hoạch số 1590/KH-UBND ngày 27 tháng 02 năm 2024 của UBND thành phố Huế)" */
  attachedNote: string;
  tracked?: Pick<TrackedLines, 'attachedNote'> & { title?: Runs };
  orientation: 'portrait' | 'landscape';
  blocks: Block[];
}

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string; // issuing agency, e.g. "Ủy ban nhân dân xã Phú Hồ"
  keywords: string[];
  language: 'vi-VN';
  /** Issue date as YYYY-MM-DD (missing day/month default to 01): used for file timestamps. */
  date: string;
  year: number;
}

export interface PlanDocument {
  /** Project-relative source path, e.g. "plans/thua-thien-hue/phu-ho/2024-dvctt.yaml". */
  source: string;
  /** Output folder relative to out/, e.g. "thua-thien-hue/phu-ho/2024-dvctt". */
  outputDir: string;
  /** Package file stem, e.g. "2024-dvctt". */
  name: string;
  meta: DocumentMeta;
  decision?: Decision;
  plan: PlanPart;
  annexes: Annex[];
  /** Author and date of tracked changes, set only in a redline document. */
  revision?: { author: string; date: string };
}
