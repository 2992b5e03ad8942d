// Output names must never collide: for plans/<p>/<name>.yaml the build writes out/<p>/<name>/ with
// <name>.docx (the package), quyet-dinh.docx and phu-luc[-n].docx. A plan file named after one of
// its own parts (quyet-dinh.yaml with a decision, phu-luc.yaml with one appendix) would have its
// package overwritten by that part; x.yaml and x.yml beside each other would write the same folder.
// Both are refused here, so `check` says so before `build` writes anything.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../load/diagnostic.ts';
import type { PlanDocument } from '../model/types.ts';
import { plannedOutputs } from '../build/outputs.ts';

const RULE = 'output-name-collision';
const PART = { package: 'gói văn bản', decision: 'quyết định', appendix: 'phụ lục' } as const;

// Names are compared without case: out/ may be copied to Windows or macOS, where X.docx is x.docx.
const fold = (s: string) => s.normalize('NFC').toLowerCase();

export function checkOutputNames(root: string, doc: PlanDocument): Diagnostic[] {
  const at = (message: string): Diagnostic => ({ file: doc.source, line: 1, col: 1, severity: 'error', rule: RULE, message });
  const base = path.posix.basename(doc.source);
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, (typeof PART)[keyof typeof PART]>();
  for (const o of plannedOutputs(doc, ['docx'])) {
    const key = fold(o.path);
    const earlier = seen.get(key);
    if (earlier) {
      diagnostics.push(at(
        `tên tệp nguồn '${base}' trùng tên tệp ${PART[o.part]} mà bản dựng sinh ra (${path.posix.basename(o.path)}): ` +
          `${earlier} sẽ bị ${PART[o.part]} ghi đè; hãy đổi tên tệp nguồn, ví dụ '${doc.meta.year || 'nam'}-${base}'`,
      ));
    } else seen.set(key, PART[o.part]);
  }
  const stem = fold(base.replace(/\.ya?ml$/i, ''));
  let siblings: string[] = [];
  try {
    siblings = readdirSync(path.join(root, path.posix.dirname(doc.source)));
  } catch {
    // the folder was read a moment ago to load the plan; nothing to compare if it is gone
  }
  for (const other of siblings.sort()) {
    if (other === base || !/\.ya?ml$/i.test(other) || fold(other.replace(/\.ya?ml$/i, '')) !== stem) continue;
    diagnostics.push(at(
      `'${base}' và '${other}' cùng dựng vào out/${doc.outputDir}/: tệp của kế hoạch này sẽ ghi đè tệp của kế hoạch kia; ` +
        `hãy đổi tên hoặc xoá một trong hai tệp`,
    ));
  }
  return diagnostics;
}
