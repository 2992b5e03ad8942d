// Issue #14, case 9: the compiled templates live as long as the process, so the preview must drop
// them when a template is saved, or a CSS edit during preview shows the old CSS.
import { describe, expect, it } from 'vitest';
import { forgetTemplates, loadTemplates } from '../../../src/write/html/env.ts';

describe('template cache', () => {
  it('case 9: loadTemplates() is cached until forgetTemplates(), then read again from templates/', () => {
    const first = loadTemplates();
    expect(loadTemplates()).toBe(first);
    forgetTemplates();
    const second = loadTemplates();
    expect(second).not.toBe(first);
    expect(second.css).toBe(first.css);
  });
});
