import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../src/model/types.ts';
import { MissingPartError, renderHtml, type HtmlPart } from '../../../src/write/html/index.ts';
import { tinosDir, tinosFontCss } from '../../../src/write/html/fonts.ts';
import { templatesDir } from '../../../src/write/html/paths.ts';
import { agencyRuleMm, placeDateSizePt } from '../../../src/write/header-layout.ts';
import { sampleDecision, samplePlan } from '../../fixtures/model/sample.ts';

const HOSTILE_SCRIPT = '<script>alert(1)</script>';
const HOSTILE_IMG = '<img src=http://evil.example/x.png onerror=alert(1)>';

function hostileDoc(): PlanDocument {
  const doc: PlanDocument = structuredClone(samplePlan);
  doc.plan.title = [{ text: `Tiêu đề ${HOSTILE_SCRIPT}` }];
  doc.plan.header.numberLine = `Số: 50/KH-UBND ${HOSTILE_IMG}`;
  doc.plan.body.push({
    type: 'text',
    role: 'paragraph',
    ref: 'x',
    label: '<b>',
    runs: [{ text: HOSTILE_SCRIPT, bold: true }, { text: HOSTILE_IMG, italic: true }, { text: '" onload="x' }],
  });
  doc.annexes[0].title = `PHỤ LỤC ${HOSTILE_IMG}`;
  doc.meta.title = `</title>${HOSTILE_SCRIPT}`;
  return doc;
}

/** The markup after <head>, so class names in the stylesheet do not count. */
const body = (html: string): string => html.slice(html.indexOf('<body'));

function allParts(doc: PlanDocument): HtmlPart[] {
  const parts: HtmlPart[] = [{ kind: 'plan' }, { kind: 'preview' }];
  if (doc.decision) parts.push({ kind: 'decision' });
  for (const a of doc.annexes) parts.push({ kind: 'annex', id: a.id });
  return parts;
}

describe('renderHtml escaping', () => {
  const html = renderHtml(hostileDoc(), { kind: 'preview' });

  it('shows markup in plan text literally', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src&#x3D;http://evil.example/x.png onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('<span class="label">&lt;b&gt;</span>');
    expect(html).toContain('&quot; onload&#x3D;&quot;x');
  });

  it('creates no element from plan text', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/onload="/i);
    // The title element is closed exactly once.
    expect(html.match(/<\/title>/g)).toHaveLength(1);
  });

  it('keeps the formatting of runs around escaped text', () => {
    expect(html).toContain('<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>');
    expect(html).toContain('<i>&lt;img src');
  });
});

describe('renderHtml page', () => {
  for (const doc of [samplePlan, sampleDecision]) {
    for (const part of allParts(doc)) {
      it(`${doc.name} ${JSON.stringify(part)}: no script, nothing from the network, CSP`, () => {
        const html = renderHtml(doc, part);
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/https?:\/\//i);
        expect(html).not.toMatch(/<link/i);
        expect(html).toContain(
          `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline' file:; font-src file: data:; img-src data:">`,
        );
        expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
      });
    }
  }

  it('is deterministic', () => {
    expect(renderHtml(samplePlan, { kind: 'preview' })).toBe(renderHtml(samplePlan, { kind: 'preview' }));
  });

  it('puts only the requested part on the page', () => {
    const plan = body(renderHtml(sampleDecision, { kind: 'plan' }));
    expect(plan).toContain('part-plan');
    expect(plan).not.toContain('part-decision');
    expect(plan).not.toContain('part-annex');
    const annex = body(renderHtml(samplePlan, { kind: 'annex', id: 'pl-nhiem-vu' }));
    expect(annex).toContain('<div class="annex-label">Phụ lục II</div>');
    expect(annex).not.toContain('Phụ lục I<');
    expect(annex).not.toContain('part-annex landscape');
    const preview = body(renderHtml(sampleDecision, { kind: 'preview' }));
    const order = ['part-decision', 'part-plan', 'part-annex landscape'].map((c) => preview.indexOf(c));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('reports a missing part as MissingPartError', () => {
    expect(() => renderHtml(samplePlan, { kind: 'decision' })).toThrow(MissingPartError);
    expect(() => renderHtml(samplePlan, { kind: 'annex', id: 'khong-co' })).toThrow(MissingPartError);
  });
});

describe('renderHtml layout elements (Nghị định 30)', () => {
  const plan = renderHtml(samplePlan, { kind: 'plan' });
  const decision = renderHtml(sampleDecision, { kind: 'decision' });
  const attached = body(renderHtml(sampleDecision, { kind: 'plan' }));

  it('header grid: agency lines by role, Quốc hiệu, motto with its own rule, Số and date on one row', () => {
    expect(plan).toContain('<div class="agency-sup">UBND HUYỆN PHÚ VANG</div><div class="agency-iss">ỦY BAN NHÂN DÂN</div><div class="agency-iss">XÃ PHÚ HỒ</div>');
    expect(plan).toContain('<div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>');
    expect(plan).toContain('<div class="motto">Độc lập - Tự do - Hạnh phúc</div><div class="rule rule-motto"></div>');
    expect(plan).toMatch(
      /<tr class="hg-row2" style="font-size: 14pt">\s*<td class="hg-number"><span class="hg-number-text">Số: 50\/KH-UBND<\/span><\/td>\s*<td class="hg-date"><span class="hg-date-text" style="font-size: 14pt">Phú Hồ, ngày 18 tháng 3 năm 2024<\/span><\/td>/,
    );
  });

  it('header grid: the agency rule and the date size are the DOCX writer\'s (header-layout.ts), in mm and pt', () => {
    // "ỦY BAN NHÂN DÂN" at 13 pt bold is 43.2 mm (title-lines.test): the rule is 0.42 of it.
    expect(agencyRuleMm(['ỦY BAN NHÂN DÂN', 'XÃ PHÚ HỒ'])).toBeCloseTo(18.1, 1);
    expect(plan).toContain(`<div class="rule rule-agency" style="width: ${agencyRuleMm(samplePlan.plan.header.issuingAgency)}mm"></div>`);
    const doc = structuredClone(samplePlan);
    doc.plan.header.placeDateLine = 'Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019';
    expect(placeDateSizePt(doc.plan.header.placeDateLine)).toBe(13);
    const html = renderHtml(doc, { kind: 'plan' });
    expect(html).toContain('<span class="hg-date-text" style="font-size: 13pt">Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019</span>');
    // Số is 13 pt too: the row's own size follows the larger of the two.
    expect(html).toContain('<tr class="hg-row2" style="font-size: 13pt">');
  });

  it('a plan promulgated by a decision has no Số/date row and carries the attached note', () => {
    expect(attached).not.toContain('hg-row2');
    expect(attached).toContain('<div class="attached-note">(Kèm theo Quyết định số      /QĐ-UBND ngày      tháng 8 năm 2025 của Ủy ban nhân dân xã Cam Hiệp)</div>');
  });

  it('decision: authority, italic bases, "QUYẾT ĐỊNH:", articles with bold labels', () => {
    expect(decision).toContain('<p class="authority">ỦY BAN NHÂN DÂN XÃ CAM HIỆP</p>');
    expect(decision).toMatch(/<p class="blk role-basis italic( keep)?" data-ref="can-cu\/0">Căn cứ Luật/);
    expect(decision).toContain('<p class="decides">QUYẾT ĐỊNH:</p>');
    expect(decision).toMatch(/<p class="blk role-article( keep)?" data-ref="dieu\/1"><span class="label">Điều 1.<\/span> Ban hành/);
  });

  it('signature and recipients', () => {
    expect(plan).toContain('<div class="recipients-label">Nơi nhận:</div><div class="recipient">- UBND huyện Phú Vang;</div>');
    expect(plan).toContain('<div class="sign-line">TM. ỦY BAN NHÂN DÂN</div><div class="sign-line">KT. CHỦ TỊCH</div><div class="sign-line">PHÓ CHỦ TỊCH</div><div class="sign-space"></div><div class="sign-name">Nguyễn Văn Phong</div>');
  });

  it('tables: widths, font size, spans, header rows as th in thead', () => {
    const annex = renderHtml(samplePlan, { kind: 'annex', id: 'pl-chi-tieu' });
    expect(annex).toContain('<table class="grid" style="width: 251.8mm; font-size: 12pt"');
    expect(annex).toContain('<col style="width: 14mm"><col style="width: 90mm">');
    expect(annex).toMatch(/<thead>\s*<tr class="row-header"[^>]*><th class="al-center bold" colspan="1" rowspan="2"><p>TT<\/p><\/th>/);
    expect(annex).toContain('<th class="al-center bold" colspan="2" rowspan="1"><p>Chỉ tiêu (%)</p></th>');
    expect(annex).toContain('<td class="al-center span-rows" colspan="1" rowspan="3"><p>Bộ phận Một cửa</p></td>');
    expect(annex).toContain('<section class="part phan-0 part-annex landscape" data-annex="pl-chi-tieu" id="kehoach-phan-0">');
  });

  it('print CSS: page geometry, repeated table headers', () => {
    expect(plan).toContain('margin: 20mm 15mm 20mm 30mm;');
    expect(plan).toMatch(/@top-center \{ font-size: 14pt; vertical-align: middle; \}/);
    expect(plan).toContain('table.grid thead { display: table-header-group; }');
    expect(plan).toContain('table.grid tr { break-inside: avoid; }');
  });

  it('print CSS: each part on named pages of its own, numbered from its page 2, landscape appendices', () => {
    const pkg = renderHtml(samplePlan, { kind: 'package' });
    expect(pkg).toContain('@counter-style kehoach-so-trang { system: fixed 1; symbols: ""; fallback: decimal; }');
    expect(pkg).toContain('.phan-0 { page: phan-0; }\n@page phan-0 { counter-increment: phan-0; @top-center { content: counter(phan-0, kehoach-so-trang); } }');
    // The sample's appendix is landscape: its named page turns the sheet.
    expect(pkg).toContain('@page phan-1 { size: 297mm 210mm; margin: 20mm 15mm 20mm 30mm; counter-increment: phan-1;');
    expect(pkg).toContain('<section class="part phan-0 part-plan" id="kehoach-phan-0"><a class="part-mark" href="#kehoach-phan-0"></a>');
    expect(pkg).toContain('<section class="part phan-1 part-annex landscape" data-annex="pl-chi-tieu" id="kehoach-phan-1"><a class="part-mark" href="#kehoach-phan-1"></a>');
    // Only a package print is marked: a part alone and the preview have no links.
    expect(plan).not.toContain('part-mark"');
    expect(renderHtml(samplePlan, { kind: 'preview' })).not.toContain('<a class="part-mark"');
    expect(plan).not.toContain('@page phan-1');
  });
});

describe('fonts', () => {
  it('accepts replacement font CSS and cannot be broken out of <style>', () => {
    const html = renderHtml(samplePlan, { kind: 'plan' }, { fontCss: 'html { font-family: X; } </style><script>x</script>' });
    expect(html).toContain('html { font-family: X; }');
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  const dir = tinosDir();
  it.skipIf(!dir)('Tinos @font-face rules point at the four local TrueType faces', () => {
    const css = tinosFontCss(dir!, 'file');
    const urls = [...css.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(urls).toHaveLength(4);
    for (const u of urls) {
      expect(u.startsWith('file://')).toBe(true);
      expect(existsSync(fileURLToPath(u))).toBe(true);
    }
    expect(css).toMatch(/font-style: italic; font-weight: 700; src: url\("[^"]*Tinos_700Bold_Italic\.ttf"\) format\('truetype'\)/);
    expect(css).toContain("@page { font-family: 'Tinos'");
    const inline = tinosFontCss(dir!, 'data');
    expect(inline).not.toContain('file://');
    expect(inline.match(/url\("data:font\/ttf;base64,/g)).toHaveLength(4);
  });
});

describe('templates', () => {
  it('never triple-stash anything but the stylesheet', () => {
    const files = ['layout.hbs', ...readdirSync(path.join(templatesDir, 'partials')).map((f) => path.join('partials', f))];
    const triples = files.flatMap((f) => [...readFileSync(path.join(templatesDir, f), 'utf8').matchAll(/\{\{\{\s*([^}]*)\}\}\}/g)].map((m) => `${f}:${m[1].trim()}`));
    expect(triples).toEqual(['layout.hbs:css']);
  });
});
