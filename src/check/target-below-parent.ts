// target-below-parent: a plan may not promise less than the plan it implements assigns
// (ThucHien in the schema: "chỉ tiêu của kế hoạch không được thấp hơn mức tối thiểu mà nó giao").
import type { Diagnostic } from '../load/diagnostic.ts';
import type { ResolvedSource } from '../load/types.ts';
import { formatTarget, isWeaker } from '../model/targets.ts';
import { indicatorTargets } from './targets.ts';

export function checkTargetsAgainstBinding(src: ResolvedSource): Diagnostic[] {
  const binding = src.binding;
  if (!binding) return [];
  const required = new Map(indicatorTargets(binding.data).map((t) => [t.key, t]));
  const out: Diagnostic[] = [];
  for (const t of indicatorTargets(src.data)) {
    const parent = required.get(t.key);
    if (!parent || !isWeaker(t.target, parent.target)) continue;
    const at = src.origin(t.path);
    const from = binding.origin(parent.path);
    out.push({
      ...at,
      severity: 'error',
      rule: 'target-below-parent',
      message: `Chỉ tiêu "${formatTarget(t.target)}" thấp hơn mức "${formatTarget(parent.target)}" mà kế hoạch cấp trên giao (${from.file}:${from.line}); chỉ tiêu phải bằng hoặc cao hơn`,
    });
  }
  return out;
}
