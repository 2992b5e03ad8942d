// The command line of one command, parsed by node:util parseArgs from the options in specs.ts. Its
// own errors are English and name no fix, so the tokens are checked first and every mistake is told
// in Vietnamese with a did-you-mean (`--outt` → `--out`); a UsageError exits 2.
import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';
import { COMMANDS, type CommandName, type OptionSpec } from './specs.ts';
import { suggest } from '../load/suggest.ts';

export function parseCommandLine<N extends CommandName>(name: N, args: string[]) {
  const options = COMMANDS[name].options as (typeof COMMANDS)[N]['options'];
  checkTokens(name, args);
  try {
    return parseArgs({ args, options, allowPositionals: COMMANDS[name].positionals, strict: true });
  } catch (err) {
    // Cases the token check does not foresee (e.g. a value that looks like an option).
    throw new UsageError(`dòng lệnh không hợp lệ (${(err as Error).message}); xem kehoach ${name} --help`);
  }
}

function checkTokens(name: CommandName, args: string[]): void {
  const options: Record<string, OptionSpec> = COMMANDS[name].options;
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  const help = `xem kehoach ${name} --help`;
  for (const t of tokens) {
    if (t.kind === 'positional' && !COMMANDS[name].positionals) throw new UsageError(`đối số thừa '${t.value}'; ${help}`);
    if (t.kind !== 'option') continue;
    const spec = options[t.name];
    if (!spec) {
      const near = suggest(t.name, Object.keys(options));
      throw new UsageError(`không có tùy chọn '${t.rawName}'${near ? `; có phải ý bạn là '--${near}'?` : ''} (${help})`);
    }
    if (spec.type === 'string' && t.value === undefined) throw new UsageError(`${t.rawName} cần một giá trị: --${t.name} ${spec.value ?? 'GIÁ_TRỊ'}`);
    if (spec.type === 'boolean' && t.inlineValue) throw new UsageError(`${t.rawName} không nhận giá trị (ghi --${t.name}, không ghi --${t.name}=…)`);
  }
}
