// Checks beyond the schema. buildAndCheck is what the compiler runs: the model and every
// diagnostic (templating, table shape, targets, deadlines, citations, spelling) in one pass.
import type { Diagnostic } from '../load/diagnostic.ts';
import type { ProjectData, ResolvedSource } from '../load/types.ts';
import type { PlanDocument } from '../model/types.ts';
import { buildWithTexts } from '../model/build.ts';
import { checkTargetsAgainstBinding } from './target-below-parent.ts';
import { checkDeadlineYears } from './deadline-year.ts';
import { checkCitations } from './citation-conflict.ts';
import { checkLevelWords } from './level-words.ts';
import { checkDistrictWords } from './district-words.ts';
import { checkRepeatedIds } from './repeated-ids.ts';
import { checkSpelling } from './spelling.ts';
import { checkRestatedTargets } from './target-restated.ts';
import { checkEditorSchema } from './editor-schema.ts';
import { checkOutputNames } from './output-names.ts';
import { checkPlanData } from './plan-data.ts';
import { projectOn } from '../load/units-in-time.ts';
import { withCitedPlans } from '../model/plan-citation.ts';
import { checkRegistryAgainstPlan } from './registry-vs-plan.ts';
import { checkCollectiveSignature } from './collective-signature.ts';
import { dropAccepted } from './accepted.ts';

export interface CheckedBuild {
  doc?: PlanDocument;
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  /**
   * false: run only the checks that can find errors. For callers that show errors alone (print,
   * the git textconv driver, diff): the warning-only rules — spelling above all, whose dictionary
   * takes a tenth of a second to load — would cost every such call and show nothing.
   */
  warnings?: boolean;
}

export function buildAndCheck(src: ResolvedSource, loaded: ProjectData, options: CheckOptions = {}): CheckedBuild {
  const warnings = options.warnings ?? true;
  // Units and level words as they stood on the plan's date (a 2024 plan of Huế and a 2026 one differ).
  const project = projectOn(loaded, src.data.ngay);
  // Impossible dates and numbers first: the model would print them as absurdities.
  const refused = checkPlanData(src);
  const built = buildWithTexts(src, project);
  const diagnostics = [
    ...refused,
    ...built.diagnostics,
    ...checkTargetsAgainstBinding(src),
    ...(warnings ? warningChecks(src, project, built) : []),
    ...(built.doc ? checkOutputNames(project.root, built.doc) : []),
  ];
  return { doc: built.doc, diagnostics: dropAccepted(project.root, diagnostics) };
}

/** The rules that only ever warn. */
function warningChecks(src: ResolvedSource, project: ProjectData, built: ReturnType<typeof buildWithTexts>): Diagnostic[] {
  const texts = built.texts;
  return [
    ...checkCollectiveSignature(src, built.doc?.plan.header.issuingAgency),
    ...checkDeadlineYears(src),
    ...checkCitations(texts, withCitedPlans(project, src)),
    ...checkRegistryAgainstPlan(src, project),
    ...checkLevelWords(src, project, texts),
    ...checkDistrictWords(src, texts, project.root),
    ...checkRepeatedIds(src),
    ...checkSpelling(src, project),
    ...checkRestatedTargets(src, texts),
    ...checkEditorSchema(src, project.root),
  ];
}

/** Every diagnostic of a plan (the build's own — templating, row shape, targets — and the checks'). */
export function checkPlan(src: ResolvedSource, project: ProjectData): Diagnostic[] {
  return buildAndCheck(src, project).diagnostics;
}
