// What a plan file itself states, as plain lines, for git textconv. textconv is handed a blob and
// cannot know which revision it belongs to, so a child resolved against any parent (the working
// tree's, HEAD's) would show that parent's later edits inside the child's commits. For a plan that
// builds on another plan, `kehoach print --textconv` therefore prints only its own layer: a line
// naming the plan it builds on, then one line per value it sets, keyed by path (ids for list items),
// in the order written. Reformatting (quoting, flow or block style, comments) changes nothing here.

const scalar = (v: unknown): string => {
  if (v === null) return '~';
  if (typeof v === 'string') return v.replace(/\s*\n\s*/g, ' ').trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function walk(value: unknown, at: string, out: string[]): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.push(`${at}: []`);
    value.forEach((item, i) => walk(item, `${at}[${isRecord(item) && typeof item.id === 'string' ? item.id : i + 1}]`, out));
    return;
  }
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) out.push(`${at}: {}`);
    for (const k of keys) {
      if (k === 'id' && at) continue; // already in the path
      walk(value[k], at ? `${at}.${k}` : k, out);
    }
    return;
  }
  out.push(`${at}: ${scalar(value)}`);
}

/** The plan another plan builds on (its parent, else the plan it implements), as written. */
export function dependsOn(data: unknown): { kind: 'ke_thua' | 'thuc_hien'; ref: string } | undefined {
  if (!isRecord(data)) return undefined;
  if (typeof data.ke_thua === 'string') return { kind: 'ke_thua', ref: data.ke_thua };
  const th = data.thuc_hien;
  if (isRecord(th) && typeof th.ke_hoach === 'string') return { kind: 'thuc_hien', ref: th.ke_hoach };
  return undefined;
}

export function renderOwnStatements(data: unknown): string {
  const dep = dependsOn(data);
  const lines: string[] = [];
  if (dep) {
    lines.push(
      `${dep.kind === 'ke_thua' ? 'Kế thừa kế hoạch' : 'Thực hiện kế hoạch'}: ${dep.ref}`,
      '(Chỉ in những gì tệp này tự ghi; thay đổi đến từ kế hoạch cấp trên: xem `kehoach diff`.)',
      '',
    );
  }
  walk(data, '', lines);
  return lines.join('\n') + '\n';
}
