// Where the tool's own files live (templates, bundled fonts). These belong to the kehoach
// installation, not to the plan project, so they are found from this module's location.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the kehoach installation (the folder holding templates/ and node_modules/). */
export const toolRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const templatesDir: string = path.join(toolRoot, 'templates');
