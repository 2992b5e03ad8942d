// Where the documents an import adds to the registry go: the registry file of the plan's
// province (data/van-ban/<tỉnh>.yaml, or of its files <tỉnh>-*.yaml the one of the plan's year),
// appended as YAML entries under a comment that names the import, so a person checks them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { ProjectData } from '../load/types.ts';
import { projectOn } from '../load/units-in-time.ts';
import type { VanBanTrichDan } from '../model/source-types.generated.ts';

export interface RegistryAddition {
  /** Project-relative registry file. */
  file: string;
  /** The whole new text of that file. */
  text: string;
  entries: VanBanTrichDan[];
}

/** The unit's province on the plan's date (Huế was a city of Thừa Thiên Huế in 2024, a province-level city from 2025). */
export function provinceOf(unitId: string | undefined, ngay: string | undefined, all: ProjectData): string {
  const project = ngay ? projectOn(all, ngay) : all;
  let unit = project.units.get(unitId ?? '');
  const seen = new Set<string>();
  while (unit?.thuoc && project.units.get(unit.thuoc) && !seen.has(unit.id)) {
    seen.add(unit.id);
    unit = project.units.get(unit.thuoc);
  }
  return unit?.id ?? unitId ?? 'chung';
}

export function registryFileFor(root: string, province: string, year: string): string {
  const dir = path.join(root, 'data', 'van-ban');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
  if (files.includes(`${province}.yaml`)) return `data/van-ban/${province}.yaml`;
  const own = files.filter((f) => f.startsWith(`${province}-`));
  const pick = own.find((f) => f.includes(year)) ?? own[own.length - 1];
  return `data/van-ban/${pick ?? `${province}.yaml`}`;
}

export function registryAddition(root: string, file: string, entries: VanBanTrichDan[], input: string): RegistryAddition {
  const abs = path.join(root, file);
  const before = existsSync(abs) ? readFileSync(abs, 'utf8') : '# yaml-language-server: $schema=../../schemas/van-ban.schema.json\n';
  const body = stringify(entries, { lineWidth: 0 });
  const note = `# Thêm bởi kehoach import (${path.basename(input)}): số, ngày, cơ quan ban hành lấy từ văn bản nhập; kiểm tra lại, bổ sung trich_yeu.\n`;
  const text = `${before.replace(/\n*$/, '\n')}\n${note}${body}`;
  return { file, text, entries };
}
