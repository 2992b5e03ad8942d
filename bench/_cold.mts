import { PdfPrinter } from '../src/write/pdf/printer.ts';
import fs from 'node:fs';
const files = process.argv.slice(2);
const res: Record<string, number[][]> = {};
for (let r = 0; r < 4; r++) for (const f of files) {
  const html = fs.readFileSync(f, 'utf8');
  const pr = new PdfPrinter({ allowedDirs: ['/tmp/s6', '/usr/share/fonts'] });
  await pr.warmUp();
  const marks: Record<string, number> = {};
  const orig = process.stderr.write.bind(process.stderr);
  (process.stderr as any).write = (s: string) => { const m = /^KT (\d+) (\S+)/.exec(String(s)); if (m) marks[m[2]] = Number(m[1]); return true; };
  const t0 = performance.now();
  await pr.print(html);
  (process.stderr as any).write = orig;
  await pr.close();
  (res[f] ??= []).push([marks.loaded - marks.goto, marks.printed - marks.loaded, Math.round(performance.now() - t0)]);
}
for (const f of files) console.log(f.padEnd(22), res[f].map((x) => x.join('/')).join('  '));
