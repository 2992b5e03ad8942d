// `kehoach diff`, `--redline` and `kehoach print` as git textconv, on a temporary git repository
// holding a copy of the project's plans. History built once:
//   HEAD~2  the plans as they are
//   HEAD~1  the Huế city plan edited: two sentences (one Phú Hồ restates, one it inherits) and two
//           targets (one Phú Hồ overrides, one it inherits)
//   HEAD    both Huế and Phú Hồ reformatted only (keys reordered, other quoting, flow style)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzip } from '../write/docx/helpers.ts';
import YAML from 'yaml';
import { git, hasCommand, repoRoot, runCli, runCliProcess, tempProject } from '../helpers/cli.ts';

const HUE = 'plans/thua-thien-hue/hue/2024-dvctt.yaml';
const PHU_HO = 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml';

let project: ReturnType<typeof tempProject>;
let root: string;
let scratch: string;

function edit(file: string, from: string, to: string): void {
  const full = path.join(root, file);
  const text = readFileSync(full, 'utf8');
  expect(text, `${file} should contain ${from}`).toContain(from);
  writeFileSync(full, text.replace(from, to));
}

/** Rewrites a plan with every mapping's keys reversed, strings double-quoted, and deep collections in flow style. */
function reformat(file: string): void {
  const full = path.join(root, file);
  const doc = YAML.parseDocument(readFileSync(full, 'utf8'));
  YAML.visit(doc, {
    Map(_, map) {
      map.items.reverse();
    },
    Scalar(_, node) {
      if (typeof node.value === 'string') node.type = 'QUOTE_DOUBLE';
      else if (typeof node.value === 'number') node.type = undefined;
    },
    Collection(_, node, pathToNode) {
      if (pathToNode.length > 8) node.flow = true;
    },
  });
  writeFileSync(full, '# reformatted\n' + doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 }));
}

/** Splits human output into one block per plan, keyed by the plan's path. */
function byPlan(stdout: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const block of stdout.split(/\n(?=plans\/)/)) blocks.set(block.split(' ')[0], block);
  return blocks;
}

beforeAll(() => {
  project = tempProject();
  root = project.root;
  scratch = mkdtempSync(path.join(tmpdir(), 'kehoach-diff-'));
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'Dự thảo');

  edit(HUE, 'noi_dung: Tăng cường kỷ luật', 'noi_dung: Tăng cường hơn nữa kỷ luật'); // md-ky-luat: Phú Hồ inherits it
  edit(HUE, 'noi_dung: Triển khai đồng bộ', 'noi_dung: Triển khai quyết liệt, đồng bộ'); // md-dvctt: Phú Hồ restates it
  edit(HUE, 'chi-tieu: Tối thiểu 45', 'chi-tieu: Tối thiểu 60'); // thanh-toan-truc-tuyen: Phú Hồ overrides (30)
  edit(HUE, 'chi-tieu: Tối thiểu 50\n                can-cu: Theo {{van_ban "nq-02-2024-cp"}}\n                ket-qua: Đạt {{chi_tieu "ho-so-truc-tuyen"}}',
    'chi-tieu: Tối thiểu 55\n                can-cu: Theo {{van_ban "nq-02-2024-cp"}}\n                ket-qua: Đạt {{chi_tieu "ho-so-truc-tuyen"}}'); // ho-so-truc-tuyen: inherited
  git(root, 'commit', '-q', '-a', '-m', 'Sửa chỉ tiêu', '--author=Trưởng phòng <tp@example.vn>', '--date=2024-03-01T09:30:00+07:00');

  reformat(HUE);
  reformat(PHU_HO);
  git(root, 'commit', '-q', '-a', '-m', 'Định dạng lại YAML');
});

afterAll(() => {
  project?.dispose();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('kehoach diff between commits', () => {
  it('reports a parent sentence and target change in the parent and in the child that inherits them', async () => {
    // End to end: the compiled CLI in its own process, running git in the project.
    const r = runCliProcess(['diff', 'HEAD~2', 'HEAD~1'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const plans = byPlan(r.stdout);
    expect([...plans.keys()]).toEqual([HUE, PHU_HO]); // the other plans did not change

    const hue = plans.get(HUE)!;
    // A target is one datum: the texts that state it (items I.5 and I.7, the result column) change with it.
    expect(hue).toContain('(Kế hoạch hành động số 1590/KH-UBND) — 8 thay đổi');
    expect(hue).toContain('~ Sửa mục I.5: … vụ công trực tuyến toàn trình; [-45%-] {+60%+} thanh toán trực tuyến');
    expect(hue).toContain('~ Sửa mục I.7: Đảm bảo mục tiêu [-50%-] {+55%+} hồ sơ thủ tục hành chính');
    expect(hue).toContain('~ Sửa mục I.3: Triển khai {+quyết liệt,+} đồng bộ các giải pháp');
    expect(hue).toContain('~ Sửa mục I.4: Tăng cường {+hơn nữa+} kỷ luật, kỷ cương hành chính');
    expect(hue).toMatch(/~ Phụ lục I, dòng I\.2, Tỷ lệ thanh toán trực tuyến .*, Giao chỉ tiêu: Tối thiểu 45 → Tối thiểu 60\n/);
    expect(hue).toMatch(/~ Phụ lục I, dòng I\.3, Tỷ lệ hồ sơ trực tuyến .*, Giao chỉ tiêu: Tối thiểu 50 → Tối thiểu 55\n/);

    // Phú Hồ restates I.3 and overrides the payment target: only what it inherits reaches it.
    const phuHo = plans.get(PHU_HO)!;
    expect(phuHo).toContain('(Kế hoạch hành động số 50/KH-UBND) — 4 thay đổi');
    expect(phuHo).toContain('[-50%-] {+55%+}'); // its inherited file-target text follows the inherited target
    expect(phuHo).toContain('tệp này không sửa; thay đổi đến từ kế hoạch mà nó kế thừa');
    expect(phuHo).toContain('~ Sửa mục I.4: Tăng cường {+hơn nữa+} kỷ luật');
    expect(phuHo).toMatch(/~ Phụ lục, dòng I\.3, Tỷ lệ hồ sơ trực tuyến .*: Tối thiểu 50 → Tối thiểu 55\n/);
    expect(phuHo).not.toContain('quyết liệt');
    expect(phuHo).not.toContain('Tối thiểu 45');
    expect(r.stdout).not.toContain('\x1b['); // not a terminal: no colour
  });

  it('gives the same changes as JSON, limited to the paths after --', async () => {
    const r = await runCli(['diff', '--json', 'HEAD~2', 'HEAD~1', '--', 'plans/thua-thien-hue/phu-ho'], root);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ old: 'HEAD~2', new: 'HEAD~1' });
    expect(json.plans).toHaveLength(1);
    expect(json.plans[0]).toMatchObject({ source: PHU_HO, number: 'Kế hoạch hành động số 50/KH-UBND', inheritedOnly: true });
    const changes = json.plans[0].changes;
    expect(changes).toHaveLength(4);
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'reworded', where: 'mục I.8', words: expect.arrayContaining([{ op: 'del', text: '50%' }, { op: 'ins', text: '55%' }]) }),
    );
    expect(changes).toEqual(expect.arrayContaining([
      expect.objectContaining({
        kind: 'reworded',
        where: 'mục I.4',
        words: [
          { op: 'same', text: 'Tăng cường' },
          { op: 'ins', text: 'hơn nữa' },
          expect.objectContaining({ op: 'same' }),
        ],
      }),
      {
        kind: 'target',
        where: 'Phụ lục, dòng I.3',
        row: 'Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính',
        column: 'Giao chỉ tiêu',
        old: 'Tối thiểu 50',
        new: 'Tối thiểu 55',
      },
    ]));
  });

  it('reports nothing for a pure reformatting of the YAML', async () => {
    // The commit did change both files…
    expect(git(root, 'diff', '--name-only', 'HEAD~1', 'HEAD').trim().split('\n').sort()).toEqual([HUE, PHU_HO]);
    const r = await runCli(['diff', 'HEAD~1', 'HEAD'], root);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('exits 2 on a bad revision or command line', async () => {
    const bad = await runCli(['diff', 'khong-co-phien-ban'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("không tìm thấy phiên bản git 'khong-co-phien-ban'");
    expect(bad.stdout).toBe('');
    expect((await runCli(['diff', 'HEAD~2', 'HEAD~1', 'HEAD'], root)).code).toBe(2);
    expect((await runCli(['diff', '--color', 'doi-khi'], root)).code).toBe(2);
  });

  it('colours the output only when asked (or on a terminal)', async () => {
    const r = await runCli(['diff', '--color', 'always', 'HEAD~2', 'HEAD~1', '--', PHU_HO], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('\x1b[32m{+hơn nữa+}\x1b[0m');
    expect(r.stdout).toContain('\x1b[31mTối thiểu 50\x1b[0m → \x1b[32mTối thiểu 55\x1b[0m');
  });
});

describe('kehoach diff against the working tree', () => {
  it('compares HEAD (no revision) or one revision with the working tree', async () => {
    edit(PHU_HO, 'Hoàn thiện chức năng kho dữ liệu', 'Hoàn thiện và vận hành chức năng kho dữ liệu');
    try {
      const none = await runCli(['diff'], root);
      expect(none.code).toBe(1);
      expect([...byPlan(none.stdout).keys()]).toEqual([PHU_HO]);
      expect(none.stdout).toContain('~ Sửa mục I.6: Hoàn thiện {+và vận hành+} chức năng kho dữ liệu');
      expect(none.stdout).not.toContain('kế thừa'); // its own file changed

      const one = await runCli(['diff', 'HEAD~2'], root);
      expect(one.code).toBe(1);
      const plans = byPlan(one.stdout);
      expect([...plans.keys()]).toEqual([HUE, PHU_HO]);
      expect(plans.get(PHU_HO)).toContain('{+và vận hành+}');
      expect(plans.get(PHU_HO)).toContain('{+hơn nữa+}');
      expect(plans.get(HUE)).toContain('Tối thiểu 45 → Tối thiểu 60');

      const filtered = await runCli(['diff', '--', HUE], root);
      expect(filtered).toMatchObject({ code: 0, stdout: '' });
    } finally {
      git(root, 'checkout', '--', PHU_HO);
    }
  });

  it('compares two files with --files, one of them a copy outside the project', async () => {
    const draft = path.join(scratch, 'du-thao.yaml');
    writeFileSync(draft, git(root, 'show', `HEAD~2:${HUE}`));
    const r = await runCli(['diff', '--files', draft, HUE], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('— 8 thay đổi');
    expect(r.stdout).toContain('Giao chỉ tiêu: Tối thiểu 45 → Tối thiểu 60');
    const same = await runCli(['diff', '--files', HUE, HUE], root);
    expect(same).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('kehoach diff --redline', () => {
  const out = () => path.join(scratch, 'so-sanh.docx');

  it('writes the newer DOCX with tracked changes for exactly the changed words', async () => {
    const r = await runCli(['diff', 'HEAD~2', 'HEAD~1', '--redline', out(), '--', HUE], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Đã ghi bản so sánh');
    const xml = await (await unzip(readFileSync(out()))).text('word/document.xml');
    const marks = [...xml.matchAll(/<w:(ins|del) ([^>]*)>(.*?)<\/w:\1>/gs)].map((m) => ({
      kind: m[1],
      attrs: m[2],
      text: [...m[3].matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((t) => t[1]).join(''),
    }));
    // The separating space travels inside the mark (after it mid-sentence, before it at the end).
    expect(marks.map((m) => `${m.kind}:${m.text}`)).toEqual([
      'ins:quyết liệt, ',
      'ins:hơn nữa ',
      'del:45% ', // item I.5 states the payment target
      'ins:60% ',
      'del:50% ', // item I.7 states the online-filing target
      'ins:55% ',
      'del: 45',
      'ins: 60',
      'del:45% ', // the row's result column states it too
      'ins:60% ',
      'del: 50',
      'ins: 55',
      'del:50% ',
      'ins:55% ',
    ]);
    for (const m of marks) {
      expect(m.attrs).toContain('w:author="Trưởng phòng"');
      expect(m.attrs).toContain('w:date="2024-03-01T02:30:00Z"');
    }
    // Accepting every change gives the new text, rejecting gives the old one.
    const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => p[0]);
    const text = (p: string, keep: 'ins' | 'del') =>
      p.replace(keep === 'ins' ? /<w:del .*?<\/w:del>/gs : /<w:ins .*?<\/w:ins>/gs, '').replace(/<[^>]+>/g, '');
    const changed = paragraphs.find((p) => p.includes('quyết liệt'))!;
    expect(text(changed, 'ins')).toContain('Triển khai quyết liệt, đồng bộ các giải pháp');
    expect(text(changed, 'del')).toContain('Triển khai đồng bộ các giải pháp');
    const cell = paragraphs.find((p) => p.includes('> 60<'))!;
    expect([text(cell, 'ins'), text(cell, 'del')]).toEqual(['Tối thiểu 60', 'Tối thiểu 45']);
  });

  it('signs working-tree changes with --tac-gia or git user.name and the plan date, never the tool or the clock', async () => {
    // No global or system git config: only what the test sets in the repository counts.
    const env = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
    const file = (name: string) => path.join(scratch, name);
    const marks = async (name: string) => {
      const xml = await (await unzip(readFileSync(file(name)))).text('word/document.xml');
      return new Set([...xml.matchAll(/<w:(?:ins|del) (w:id="\d+" [^>]*?)\/?>/g)].map((m) => m[1].replace(/w:id="\d+" /, '')));
    };
    edit(PHU_HO, 'Hoàn thiện chức năng kho dữ liệu', 'Hoàn thiện và vận hành chức năng kho dữ liệu');
    try {
      const unsigned = await runCli(['diff', '--redline', file('khong-ten.docx'), '--', PHU_HO], root, env);
      expect(unsigned.code).toBe(2);
      expect(unsigned.stderr).toContain('--tac-gia');
      expect(existsSync(file('khong-ten.docx'))).toBe(false);

      const named = await runCli(['diff', '--redline', file('tac-gia.docx'), '--tac-gia', 'Văn thư xã', '--', PHU_HO], root, env);
      expect(named.code).toBe(1);
      // The working tree has no date of its own: the plan's date (50/KH-UBND, 18/3/2024).
      expect([...(await marks('tac-gia.docx'))]).toEqual(['w:author="Văn thư xã" w:date="2024-03-18T00:00:00Z"']);

      git(root, 'config', 'user.name', 'Cán bộ một cửa');
      try {
        const configured = await runCli(['diff', '--redline', file('git.docx'), '--ngay', '2024-03-25', '--', PHU_HO], root, env);
        expect(configured.code).toBe(1);
        expect([...(await marks('git.docx'))]).toEqual(['w:author="Cán bộ một cửa" w:date="2024-03-25T00:00:00Z"']);
      } finally {
        git(root, 'config', '--unset', 'user.name');
      }
      const badDay = await runCli(['diff', '--redline', file('ngay.docx'), '--tac-gia', 'A', '--ngay', '2024-02-30', '--', PHU_HO], root, env);
      expect(badDay.code).toBe(2);
      expect(badDay.stderr).toContain('--ngay');
    } finally {
      git(root, 'checkout', '--', PHU_HO);
    }
  });

  it.skipIf(!hasCommand('soffice'))('converts with LibreOffice without error', () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'kehoach-lo-'));
    try {
      const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', scratch, out()], {
        encoding: 'utf8',
        timeout: 600_000,
      });
      expect(r.status).toBe(0);
      const pdf = path.join(scratch, 'so-sanh.pdf');
      expect(existsSync(pdf)).toBe(true);
      if (hasCommand('pdftotext')) {
        // -raw keeps content order: cell text is not regrouped into layout columns.
        const text = spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
        // LibreOffice prints recorded changes shown: both the inserted and the deleted words.
        expect(text).toContain('quyết liệt');
        expect(text).toMatch(/Tối thiểu 45 ?60/);
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('kehoach print as git textconv', () => {
  it('prints the resolved plan as numbered text', async () => {
    const r = await runCli(['print', PHU_HO], root);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('Số: 50/KH-UBND');
    expect(lines).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    // The reformatted child still resolves against its (edited) parent.
    expect(lines.some((l) => l.startsWith('4. Tăng cường hơn nữa kỷ luật'))).toBe(true);
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('makes git diff and git log -p show the resolved text change', () => {
    writeFileSync(path.join(root, '.gitattributes'), 'plans/**/*.yaml diff=kehoach\n');
    git(root, 'config', 'diff.kehoach.textconv', `node ${path.join(repoRoot, 'bin/kehoach.js')} print`);
    edit(HUE, '"Tăng cường hơn nữa kỷ luật', '"Tăng cường mạnh mẽ kỷ luật');
    try {
      const changed = git(root, 'diff', '--', 'plans').split('\n').filter((l) => /^[-+][^-+]/.test(l));
      // A stable rendering: exactly the one changed paragraph, as the reader sees it.
      expect(changed).toHaveLength(2);
      expect(changed[0]).toMatch(/^-4\. Tăng cường hơn nữa kỷ luật/);
      expect(changed[1]).toMatch(/^\+4\. Tăng cường mạnh mẽ kỷ luật/);
      // git only runs textconv on files that changed: Phú Hồ, which inherits the sentence, is not shown.
      expect(git(root, 'diff', '--name-only')).not.toContain(PHU_HO);

      // An older commit's blob resolves in its own commit.
      const log = git(root, 'log', '-p', '-1', 'HEAD~1', '--', HUE);
      expect(log).toContain('-2. | Tỷ lệ thanh toán trực tuyến');
      expect(log).toMatch(/^\+3\. Triển khai quyết liệt, đồng bộ/m);
      expect(log).toMatch(/^\+2\. \| .*\| Tối thiểu 60 \|/m);
      expect(log).not.toContain('chi-tieu:'); // not the YAML
    } finally {
      git(root, 'checkout', '--', HUE);
    }
  });
});
