// The loading stage: YAML sources → validated, inheritance-resolved data with positions.
export { loadProject } from './project.ts';
export { resolvePlan } from './resolve.ts';
export { readSource, MAX_SOURCE_BYTES } from './read-source.ts';
export { parseYaml } from './yaml-positions.ts';
export { validateAgainst, describePath } from './validate.ts';
export { mergeLayer, adoptStandalone } from './merge.ts';
export { formatDiagnostic, hasErrors } from './diagnostic.ts';
export type { Diagnostic, Severity } from './diagnostic.ts';
export type { JsonPath, LoadResult, ProjectData, ResolvedSource } from './types.ts';
