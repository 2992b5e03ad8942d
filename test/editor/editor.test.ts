// What a clerk sees in VS Code: every file opened in yaml-language-server (the YAML extension's
// engine) over LSP, with the schema its modeline names. A correct plan, parent or child, shows no
// red; a wrong key, a wrong type and a missing required key each do, at their line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { repoRoot, runCli, tempProject } from '../helpers/cli.ts';
import { YamlLanguageServer } from './yaml-language-server.ts';
import { loadProject } from '../../src/load/project.ts';
import { projectOn } from '../../src/load/units-in-time.ts';

const CITY = 'plans/thua-thien-hue/hue/2024-dvctt.yaml';
const PHU_HO = 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml';
/** The city plan's fragment of the child schema, which its children name (generated). */
const CITY_SCHEMA = 'schemas/ke-thua/thua-thien-hue/hue/2024-dvctt.schema.json';

function yamlFiles(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')))
    .sort();
}

/** Huế's wards and communes (data/don-vi), the units a clerk runs `new` for. */
function hueUnits(): string[] {
  // As they stood on the city plan's date (the directory holds Huế's units in time).
  const units = projectOn(loadProject(repoRoot).value!, '2024-02-27').units;
  return [...units.values()].filter((u) => u.thuoc === 'hue').map((u) => u.id);
}

/** Uncomments the whole target skeleton that `new` writes (from `# phu_luc:` to the next blank line). */
function uncommentTargets(text: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf('# phu_luc:');
  if (start < 0) throw new Error('no target skeleton');
  for (let i = start; i < lines.length && lines[i] !== ''; i++) lines[i] = lines[i].replace(/^# ?/, '');
  return lines.join('\n');
}

const show = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('the editor (yaml-language-server over LSP) agrees with check', () => {
  let server: YamlLanguageServer;
  let children: { unit: string; file: string; text: string }[];
  let project: ReturnType<typeof tempProject>;
  const at = (file: string) => path.join(repoRoot, file);
  const diagnose = (file: string, text = readFileSync(at(file), 'utf8')) => server.diagnostics(at(file), text);

  beforeAll(async () => {
    project = tempProject();
    const units = hueUnits();
    const r = await runCli(['new', '--from', CITY, ...units.flatMap((u) => ['--unit', u])], project.root);
    // Only the warnings for units whose signer the directory does not name.
    expect(r.stderr.split('\n').filter((l) => l && !l.includes('cảnh báo: danh mục không có họ tên người ký'))).toEqual([]);
    children = r.stdout
      .trim()
      .split('\n')
      .map((file, i) => ({ unit: units[i], file, text: readFileSync(path.join(project.root, file), 'utf8') }));
    server = await YamlLanguageServer.start(repoRoot);
  });
  afterAll(async () => {
    await server?.stop();
    project?.dispose();
  });

  it('shows no diagnostic on any plan in plans/', async () => {
    const files = yamlFiles('plans');
    expect(files).toContain(PHU_HO);
    for (const file of files) expect(show(await diagnose(file)), file).toEqual([]);
  });

  it('shows no diagnostic on the data files (units, levels, citations), each through its own modeline', async () => {
    for (const file of ['data/cap.yaml', ...yamlFiles('data/don-vi'), ...yamlFiles('data/van-ban')]) {
      const text = readFileSync(at(file), 'utf8');
      expect(text.split('\n')[0], file).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+schemas\/[a-z-]+\.schema\.json$/);
      expect(show(await diagnose(file, text)), file).toEqual([]);
    }
  });

  it('shows no diagnostic on the child that new writes for each ward and commune of Huế', async () => {
    expect(children.length).toBeGreaterThanOrEqual(20);
    for (const c of children) {
      expect(c.text.split('\n')[0]).toBe(`# yaml-language-server: $schema=../../../${CITY_SCHEMA}`);
      expect(show(await diagnose(c.file, c.text)), c.file).toEqual([]);
    }
  });

  it('shows no diagnostic on that child with its whole target skeleton uncommented, which check accepts too', async () => {
    const c = children.find((x) => x.unit === 'hue-huong-phong')!;
    const text = uncommentTargets(c.text);
    expect(text).toMatch(/^phu_luc:\n {2}- id: /m);
    expect(show(await diagnose(c.file, text))).toEqual([]);
    writeFileSync(path.join(project.root, c.file), text);
    const r = await runCli(['check', c.file], project.root);
    expect(r.stderr).toContain('0 lỗi');
    expect(r.code).toBe(0);
  });

  it('shows no diagnostic where a child restates part of an inherited item or table (Phú Hồ), which the strict schema would mark', async () => {
    const text = readFileSync(at(PHU_HO), 'utf8');
    expect(show(await diagnose(PHU_HO, text))).toEqual([]);
    // The same file against the standalone schema: the false errors that the child schema removes.
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=../../../${CITY_SCHEMA}`);
    const strict = show(await diagnose(PHU_HO, text.replace(CITY_SCHEMA, 'schemas/plan.schema.json')));
    expect(strict).toEqual(expect.arrayContaining([expect.stringContaining('Missing property "luu"'), expect.stringContaining('Missing property "cot"')]));
  });

  it('marks an unknown key, a wrong type and a missing required key in a standalone plan, each at its line', async () => {
    const original = readFileSync(at(CITY), 'utf8');
    const text = original
      .replace(/^so: 1590$/m, 'so: một nghìn')
      .replace(/^don_vi: hue$/m, 'don_vi: hue\nsoo: 5')
      .replace(/^trich_yeu: .*\n/m, '');
    const ds = await diagnose(CITY, text);
    const find = (needle: string) => ds.find((d) => String(d.message).includes(needle));
    expect(find('Property soo is not allowed')?.range.start.line).toBe(lineOf(text, 'soo: 5'));
    expect(find('Incorrect type')?.range.start.line).toBe(lineOf(text, 'so: một nghìn'));
    expect(find('Missing property "trich_yeu"'), show(ds).join('\n')).toBeDefined();
    expect(ds).toHaveLength(3);
  });

  it('marks a merge operation in a plan without ke_thua, where it has nothing to act on (check refuses it too)', async () => {
    const text = readFileSync(at(CITY), 'utf8').replace(/^  - id: muc-dich-yeu-cau$/m, '  - id: muc-dich-yeu-cau\n    $sau: kinh-phi');
    const ds = await diagnose(CITY, text);
    expect(show(ds)).toEqual([`${lineOf(text, '$sau: kinh-phi') + 1}:5 Property $sau is not allowed.`]);
  });

  it('still marks an unknown key and a wrong type in a child plan', async () => {
    const text = readFileSync(at(PHU_HO), 'utf8')
      .replace(/^so: 50$/m, 'so: năm mươi')
      .replace('- { id: md-cai-cach-tthc, noi_dung:', '- { id: md-cai-cach-tthc, noi_dungg:')
      .replace(/^ky: \{ thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, /m, 'ky: { thay_mat: ỦY BAN NHÂN DÂN, ');
    const ds = await diagnose(PHU_HO, text);
    const find = (needle: string) => ds.find((d) => String(d.message).includes(needle));
    expect(find('Property noi_dungg is not allowed')?.range.start.line).toBe(lineOf(text, 'noi_dungg'));
    expect(find('Incorrect type')?.range.start.line).toBe(lineOf(text, 'so: năm mươi'));
    // The signer replaces the parent's whole (never merged field by field), so it must be complete.
    expect(find('Missing property "chuc_vu"')?.range.start.line).toBe(lineOf(text, 'ky: {'));
    expect(ds).toHaveLength(3);
  });

  it('writes, with new, the same parent schema that gen:types keeps in schemas/ke-thua/', () => {
    expect(readFileSync(path.join(project.root, CITY_SCHEMA), 'utf8')).toBe(readFileSync(at(CITY_SCHEMA), 'utf8'));
  });

  it("completes the parent's ids where an override names one, and a row's cells by the parent's columns", async () => {
    const file = 'plans/thua-thien-hue/hue-kim-long/2024-dvctt.yaml';
    const text = [
      `# yaml-language-server: $schema=../../../${CITY_SCHEMA}`,
      'ke_thua: ../hue/2024-dvctt.yaml',
      'noi_dung:',
      '  - id: phoi-hop-moi',
      '    $sau: ',
      '  - id: to-chuc-thuc-hien',
      '    muc:',
      '      - id: ',
      'phu_luc:',
      '  - id: pl-chi-tieu',
      '    bang:',
      '      dong:',
      '        - id: nhom-phuc-vu',
      '          dong:',
      '            - id: thanh-toan-truc-tuyen',
      '              o:',
      '                ',
      '',
    ].join('\n');
    const labels = async (line: number) =>
      (await server.completion(at(file), text, line, text.split('\n')[line].length)).map((i) => String(i.label));
    expect(await labels(4)).toEqual(['muc-dich-yeu-cau', 'nhiem-vu-trong-tam', 'kinh-phi', 'to-chuc-thuc-hien']);
    expect(await labels(7)).toEqual(expect.arrayContaining(['van-phong', 'ubnd-cap-duoi', 'md-chi-tieu']));
    expect(await labels(16)).toEqual(expect.arrayContaining(['ten', 'chi-tieu', 'ket-qua']));
  });

  it('explains don_vi in Vietnamese on hover, in a standalone plan and in a child', async () => {
    for (const file of [CITY, PHU_HO]) {
      const text = readFileSync(at(file), 'utf8');
      const hover = await server.hover(at(file), text, lineOf(text, 'don_vi:'), 2);
      const value = JSON.stringify(hover?.contents);
      expect(value, file).toContain('Mã đơn vị hành chính ban hành');
    }
  });
});
