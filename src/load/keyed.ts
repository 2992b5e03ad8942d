// Which lists are keyed by `id` (docs/source-format.md, "Inheritance"), and the per-file id checks.
import type { Diagnostic } from './diagnostic.ts';
import { isPlainObject, slotsOf } from './origins.ts';

/** Keys whose list value, when it holds objects, is matched item by item through `id`. */
export const KEYED_LIST_KEYS: ReadonlySet<string> = new Set(['noi_dung', 'muc', 'gach', 'phu_luc', 'cot', 'dong']);

/** Merge operations a child may put on an item of a keyed list. */
export const OPS = ['$xoa', '$thay', '$truoc', '$sau'] as const;
export type Op = (typeof OPS)[number];

export function isOp(key: string): key is Op {
  return (OPS as readonly string[]).includes(key);
}

/**
 * A list is keyed when its key is one of KEYED_LIST_KEYS and it holds at least one object; a list of
 * scalars (strings of `gach`, paragraphs of a `noi_dung`) is replaced whole instead.
 */
export function isKeyedList(key: string | number | undefined, value: unknown): value is unknown[] {
  return typeof key === 'string' && KEYED_LIST_KEYS.has(key) && Array.isArray(value) && value.some(isPlainObject);
}

/** `duplicate-id` at the second occurrence of an id within any keyed list of one file. */
export function checkDuplicateIds(data: unknown, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (node: unknown, key: string | number | undefined): void => {
    if (Array.isArray(node)) {
      if (isKeyedList(key, node)) {
        const seen = new Map<string, number>();
        node.forEach((item, i) => {
          if (!isPlainObject(item) || typeof item.id !== 'string') return;
          const first = seen.get(item.id);
          if (first === undefined) {
            seen.set(item.id, i);
            return;
          }
          const o = slotsOf(item)?.get('id')?.value ?? slotsOf(node)?.get(i)?.value;
          const firstLine = slotsOf(node[first])?.get('id')?.value.line;
          out.push({
            file: o?.file ?? file,
            line: o?.line ?? 1,
            col: o?.col ?? 1,
            severity: 'error',
            rule: 'duplicate-id',
            message: `mã '${item.id}' bị trùng trong danh sách '${key}'${firstLine ? ` (đã dùng ở dòng ${firstLine})` : ''}; mỗi mục cần một mã riêng`,
          });
        });
      }
      node.forEach((item) => visit(item, undefined));
    } else if (isPlainObject(node)) {
      for (const [k, v] of Object.entries(node)) visit(v, k);
    }
  };
  visit(data, undefined);
  return out;
}
