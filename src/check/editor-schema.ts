// editor-schema: the `# yaml-language-server: $schema=…` line chooses what the editor checks the
// file against, so it must agree with what the file is. A child naming the standalone schema shows
// red on correct overrides; a standalone plan naming a child schema hides its missing keys; a child
// naming another parent's schema offers that parent's ids. Only a schema the project has is asked
// for (a project without schemas/ has no editor support to get wrong).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../load/diagnostic.ts';
import type { ResolvedSource } from '../load/types.ts';
import { parentSchemaPath } from '../generate/parent-ids-schema.ts';

const MODELINE = /^(\s*#\s*yaml-language-server:\s*\$schema=)(\S+)/;
const STANDALONE = 'schemas/plan.schema.json';
const CHILD = 'schemas/plan-child.schema.json';

/** The schema (project-relative) the file should name, or undefined when the project has none. */
function expectedSchema(src: ResolvedSource, root: string): string | undefined {
  const has = (rel: string) => existsSync(path.join(root, rel));
  if (!src.parent) return has(STANDALONE) ? STANDALONE : undefined;
  const own = parentSchemaPath(src.parent.file);
  if (has(own)) return own;
  return has(CHILD) ? CHILD : undefined;
}

export function checkEditorSchema(src: ResolvedSource, root: string): Diagnostic[] {
  const expected = expectedSchema(src, root);
  if (!expected) return [];
  let text: string;
  try {
    text = readFileSync(path.join(root, src.file), 'utf8');
  } catch {
    return [];
  }
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((l) => MODELINE.test(l));
  if (index < 0) return [];
  const [, head, named] = MODELINE.exec(lines[index])!;
  const dir = path.dirname(path.join(root, src.file));
  if (path.resolve(dir, named) === path.join(root, expected)) return [];
  const want = path.relative(dir, path.join(root, expected)).split(path.sep).join('/');
  const what = src.parent ? `kế hoạch con của ${src.parent.file}` : 'kế hoạch không kế thừa (không có ke_thua)';
  return [
    {
      file: src.file,
      line: index + 1,
      col: head.length + 1,
      severity: 'warning',
      rule: 'editor-schema',
      message:
        `trình soạn thảo đang kiểm tra tệp theo '${named}', nhưng đây là ${what}: ` +
        `sửa dòng này thành '# yaml-language-server: $schema=${want}' để VS Code báo lỗi đúng như kehoach check`,
    },
  ];
}
