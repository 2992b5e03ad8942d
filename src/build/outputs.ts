// The output layout of a build: for plans/<path>.yaml, files go to out/<path>/.
import type { PlanDocument } from '../model/types.ts';
import type { DocumentPart } from '../model/part-meta.ts';

export type OutputFormat = 'docx' | 'pdf';

export interface PlannedOutput {
  part: 'package' | 'decision' | 'appendix';
  target: DocumentPart;
  format: OutputFormat;
  /** Path relative to the output root, POSIX separators. */
  path: string;
}

/** Every file one plan produces: the package, the decision alone (if any), each appendix alone. */
export function plannedOutputs(doc: PlanDocument, formats: readonly OutputFormat[]): PlannedOutput[] {
  const outputs: PlannedOutput[] = [];
  for (const format of formats) {
    outputs.push({ part: 'package', target: { kind: 'package' }, format, path: `${doc.outputDir}/${doc.name}.${format}` });
    if (doc.decision) {
      outputs.push({ part: 'decision', target: { kind: 'decision' }, format, path: `${doc.outputDir}/quyet-dinh.${format}` });
    }
    for (const annex of doc.annexes) {
      outputs.push({
        part: 'appendix',
        target: { kind: 'annex', id: annex.id },
        format,
        path: `${doc.outputDir}/${annex.fileStem}.${format}`,
      });
    }
  }
  return outputs;
}
