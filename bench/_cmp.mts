import { Compiler } from '../src/pipeline/compiler.ts';
import { renderHtml } from '../src/write/html/index.ts';
import { PdfPrinter } from '../src/write/pdf/printer.ts';
import { packageParts } from '../src/write/pdf/parts.ts';
import { toolRoot } from '../src/write/html/paths.ts';
const c = new Compiler(toolRoot).compile(toolRoot + '/' + (process.argv[2] ?? 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml')) as any;
const doc = c.doc;
const res: Record<string, number[]> = { parts: [], whole: [] };
for (let i = 0; i < 6; i++) for (const mode of ['parts', 'whole'] as const) {
  const pr = new PdfPrinter();
  const css = pr.fonts.css;
  const parts = packageParts(doc).map((p) => renderHtml(doc, p, { fontCss: css }));
  const whole = renderHtml(doc, { kind: 'package' }, { fontCss: css });
  const t0 = performance.now();
  await pr.warmUp();
  if (mode === 'parts') await Promise.all(parts.map((h) => pr.print(h)));
  else await pr.print(whole);
  res[mode].push(Math.round(performance.now() - t0));
  await pr.close();
}
for (const [k, v] of Object.entries(res)) console.log(k, v.sort((a, b) => a - b).join(' '), 'median', v[Math.floor(v.length / 2)]);
