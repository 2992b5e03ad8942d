// Two traps Vietnamese plan text sets in YAML. A plain value that starts with "{{" is read as a
// flow map ("{" opens one), and a value with a colon ("… như sau:", "Căn cứ: Luật …") as a new
// key. YAML's own message for either sends the clerk to the wrong fix (a missing ":" or bad
// indentation); the fix is always to put the whole value in double quotes, so the message says
// that and shows the line as it should be written.

/** `  key: value` or `  - value` (or `  - key: value`): where the value starts, if it is plain. */
const LINE = /^(\s*(?:-\s+)*)((?:[A-Za-z_$][\w$-]*|"[^"]*"):[ \t]+)?(.*)$/;

export interface Trap {
  col: number;
  message: string;
}

function quoted(prefix: string, key: string, value: string): string {
  // Single quotes when the text has double quotes of its own ({{van_ban "id"}}): nothing to escape.
  if (value.includes('"')) return `${prefix}${key}'${value.replace(/'/g, "''")}'`;
  return `${prefix}${key}"${value.replace(/\\/g, '\\\\')}"`;
}

/** Splits a line into its prefix, key and plain value; undefined when the value is quoted or empty. */
function plainValue(line: string): { prefix: string; key: string; value: string; col: number } | undefined {
  const m = LINE.exec(line);
  if (!m) return undefined;
  const [, prefix, key = '', rest] = m;
  const value = rest.replace(/\s+#.*$/, '').trimEnd();
  if (!value || /^["'|>&*!]/.test(value)) return undefined;
  if (!key && !prefix.includes('-')) return undefined; // a continuation line of a longer value
  return { prefix, key, value, col: prefix.length + key.length + 1 };
}

/** A plain value starting with "{{": YAML makes a map of it, with or without a parse error. */
export function templateTrap(line: string): Trap | undefined {
  const v = plainValue(line);
  if (!v || !v.value.startsWith('{{')) return undefined;
  return {
    col: v.col,
    message:
      `giá trị bắt đầu bằng "{{" phải đặt trong dấu nháy (không có nháy, YAML hiểu "{" là mở một bảng): ` +
      `viết ${quoted(v.prefix.trimStart(), v.key, v.value)}`,
  };
}

/** A plain value holding ": " or ending in ":", where YAML reports a nested key. */
export function colonTrap(line: string): Trap | undefined {
  const v = plainValue(line);
  if (!v || /^[{[]/.test(v.value) || !/:(\s|$)/.test(v.value)) return undefined;
  return {
    col: v.col,
    message:
      `giá trị có dấu hai chấm (":") phải đặt trong dấu nháy (không có nháy, YAML hiểu phần trước dấu ":" là một khóa mới): ` +
      `viết ${quoted(v.prefix.trimStart(), v.key, v.value)}`,
  };
}
