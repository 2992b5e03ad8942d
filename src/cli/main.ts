// Command-line entry: parses the command word and dispatches to one module per command, loaded
// only when it runs (so `--help`, `--version` and a wrong option never load Chromium or ajv).
// Exit codes: 0 success, 1 a source has errors (or, for diff, revisions differ), 2 wrong command
// line, 3 an internal fault of the tool.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toolRoot } from '../installation.ts';
import { UsageError } from './usage-error.ts';
import { COMMANDS, commandHelp, generalHelp, type CommandName } from './specs.ts';
import { suggest } from '../load/suggest.ts';
import { processIo, type CliIo } from './io.ts';

type Command = (args: string[], io: CliIo) => Promise<number>;

const commands: Record<CommandName, () => Promise<Command>> = {
  check: async () => (await import('./check.ts')).runCheck,
  resolve: async () => (await import('./resolve.ts')).runResolve,
  build: async () => (await import('./build.ts')).runBuild,
  print: async () => (await import('./print.ts')).runPrint,
  units: async () => (await import('./units.ts')).runUnits,
  new: async () => (await import('./new.ts')).runNew,
  report: async () => (await import('./report.ts')).runReport,
  diff: async () => (await import('./diff.ts')).runDiff,
  preview: async () => (await import('./preview.ts')).runPreview,
  import: async () => (await import('./import.ts')).runImport,
};

function version(): string {
  return JSON.parse(readFileSync(path.join(toolRoot, 'package.json'), 'utf8')).version;
}

/** `--help` or `-h` among the options (not among the paths after `--`). */
function asksForHelp(args: string[]): boolean {
  const dashes = args.indexOf('--');
  return (dashes >= 0 ? args.slice(0, dashes) : args).some((a) => a === '--help' || a === '-h');
}

/** Runs one command line; `io` is the process's own unless a caller (a test) gives another. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] && Object.hasOwn(COMMANDS, rest[0]) ? (rest[0] as CommandName) : undefined;
    io.stdout.write(topic ? commandHelp(topic) : generalHelp());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`kehoach ${version()}\n`);
    return 0;
  }
  if (!Object.hasOwn(commands, name)) {
    const near = suggest(name, Object.keys(commands));
    io.stderr.write(`kehoach: không có lệnh '${name}'${near ? `; có phải ý bạn là '${near}'?` : ''}\n\n${generalHelp()}`);
    return 2;
  }
  const command = name as CommandName;
  if (asksForHelp(rest)) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  try {
    const run = await commands[command]();
    return await run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`kehoach ${name}: ${err.message}\n`);
      return 2;
    }
    // An internal fault, not a problem in the user's sources: say so plainly, keep the detail.
    io.stderr.write(`kehoach ${name}: lỗi nội bộ của công cụ (không phải lỗi trong nguồn): ${(err as Error)?.message ?? err}\n`);
    if (io.env.KEHOACH_DEBUG) io.stderr.write(`${(err as Error)?.stack}\n`);
    return 3;
  }
}
