// One batch build in a process of its own, so the bench measures the build's own peak memory (not
// the bench's, which holds every model for its per-stage timings). It runs the compiled tool
// (dist/, as `kehoach build` does: the DOCX writer on its worker thread, no TypeScript loader),
// which `npm run bench` compiles first. Reads its job as JSON on argv, prints one JSON line:
// seconds, peak RSS of this process, failures.
import path from 'node:path';
import { buildBatch } from '../dist/build/batch.js';

const job = JSON.parse(process.argv[2]);
const t0 = performance.now();
const outcomes = await buildBatch({ root: job.root, files: job.files, outDir: path.join(job.root, job.outName), formats: ['docx', 'pdf'], force: job.force });
const seconds = (performance.now() - t0) / 1000;
const failed = outcomes.filter((o) => !o.ok);
process.stdout.write(
  JSON.stringify({
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    failed: failed.length,
    firstFailure: failed[0] ? `${failed[0].source}: ${failed[0].errors[0] ?? failed[0].diagnostics[0]?.message}` : undefined,
  }) + '\n',
);
