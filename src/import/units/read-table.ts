// Reads the official administrative-unit list as people download it (a CSV or an Excel workbook)
// into rows of text cells, each with the row and column a clerk sees in a spreadsheet, so that a
// bad cell is reported where it can be found. CSV through csv-parse, XLSX through exceljs: both
// are maintained libraries (SheetJS from the npm registry is outdated).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export interface TableRow {
  /** 1-based row in the spreadsheet (the line of the CSV). */
  row: number;
  /** Cell texts, trimmed; index 0 is column 1. */
  cells: string[];
}

export class TableReadError extends Error {}

export async function readTable(file: string): Promise<TableRow[]> {
  if (/\.xlsx$/i.test(file)) return readXlsx(file);
  if (/\.csv$/i.test(file)) return readCsv(readFileSync(file));
  if (/\.xls$/i.test(file)) throw new TableReadError('tệp .xls (Excel 97-2003) không đọc được: mở bằng Excel hoặc LibreOffice và lưu thành .xlsx hoặc .csv');
  throw new TableReadError('chỉ nhập được tệp .csv hoặc .xlsx');
}

/** The CSV's delimiter: a Vietnamese Excel saves with ';' as often as with ','. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => first.split(c).length - 1;
  return count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
}

export function readCsv(bytes: Buffer): TableRow[] {
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) throw new TableReadError('tệp CSV không phải UTF-8: lưu lại với mã hóa UTF-8 (Excel: "CSV UTF-8")');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new TableReadError(`tệp CSV hỏng${e.lines ? ` ở dòng ${e.lines}` : ''}: ${e.message}`);
  }
  return records.map(({ record, info }) => ({ row: info.lines, cells: record.map((c) => c.trim()) }));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

async function readXlsx(file: string): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  } catch (err) {
    throw new TableReadError(`tệp Excel hỏng hoặc không phải .xlsx (${(err as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableReadError('tệp Excel không có trang tính nào');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    if (cells.some(Boolean)) rows.push({ row: rowNumber, cells });
  });
  return rows;
}
