// A private Handlebars environment for the page templates: strict (a missing field is a bug, not
// an empty string), only the built-in helpers, no prototype access. Templates are read from
// templates/ once per process (until forgetTemplates(), when the preview sees a template saved).
import Handlebars from 'handlebars';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { templatesDir } from './paths.ts';

export type Template = (data: unknown) => string;

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  preventIndent: true,
  noEscape: false,
} as const;

const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
} as const;

interface Loaded {
  layout: Template;
  css: string;
}

let loaded: Loaded | undefined;

function readTemplate(file: string): string {
  // A trailing newline in a partial would become a space inside the paragraph that includes it.
  return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
}

/** Drops the compiled templates: the preview calls it when a file under templates/ changes. */
export function forgetTemplates(): void {
  loaded = undefined;
}

export function loadTemplates(dir: string = templatesDir): Loaded {
  if (loaded && dir === templatesDir) return loaded;
  const hb = Handlebars.create();
  const partialsDir = path.join(dir, 'partials');
  for (const f of readdirSync(partialsDir).sort()) {
    if (!f.endsWith('.hbs')) continue;
    const name = f.slice(0, -'.hbs'.length);
    hb.registerPartial(name, hb.compile(readTemplate(path.join(partialsDir, f)), COMPILE_OPTIONS));
  }
  const layoutFn = hb.compile(readTemplate(path.join(dir, 'layout.hbs')), COMPILE_OPTIONS);
  const result: Loaded = {
    layout: (data) => layoutFn(data, RUNTIME_OPTIONS),
    css: readFileSync(path.join(dir, 'print.css'), 'utf8'),
  };
  if (dir === templatesDir) loaded = result;
  return result;
}
