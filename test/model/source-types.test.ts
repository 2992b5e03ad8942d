import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../helpers/cli.ts';

describe('generated source types', () => {
  it('match the JSON Schemas (the schema is the single source of truth)', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/gen-types.js'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
