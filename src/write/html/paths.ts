// Where the tool's own files live (templates, bundled fonts). These belong to the kehoach
// installation, not to the plan project, so they are found from this module's location.
import path from 'node:path';
import { toolRoot } from '../../installation.ts';

export { toolRoot };

export const templatesDir: string = path.join(toolRoot, 'templates');
