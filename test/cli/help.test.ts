// Every command explains itself in Vietnamese; wrong options and commands get a did-you-mean.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMMANDS, type CommandName } from '../../src/cli/specs.ts';
import { repoRoot, runCli, runCliProcess } from '../helpers/cli.ts';

/** Runs main() in this process (CliIo with captured streams) and collects what it printed. */
const run = (...argv: string[]) => runCli(argv);

const names = Object.keys(COMMANDS) as CommandName[];

describe('kehoach <command> --help', () => {
  for (const name of names) {
    it(`${name}: usage, every option and an example, in Vietnamese`, async () => {
      const r = await run(name, '--help');
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^Cách dùng: kehoach ${name}`));
      for (const option of Object.keys(COMMANDS[name].options)) expect(r.stdout).toContain(`--${option}`);
      expect(r.stdout).toContain('-h, --help');
      expect(r.stdout).toMatch(new RegExp(`Ví dụ:\\n  kehoach ${name}`));
      expect((await run(name, '-h')).stdout).toBe(r.stdout);
    });
  }

  it('answers before reading any plan: help wins over a wrong option or a missing file', async () => {
    const r = await run('build', 'khong-co.yaml', '--outt', 'x', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cách dùng: kehoach build/);
  });

  it('documents the preview event stream for editors', async () => {
    expect((await run('preview', '--help')).stdout).toContain('/__events');
  });

  it('answers through the installed command (node bin/kehoach.js), not with node\'s English error', () => {
    const r = runCliProcess(['build', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cách dùng: kehoach build/);
    expect(r.stdout).not.toMatch(/Unknown option/);
  });
});

describe('wrong command lines', () => {
  it('suggests the option meant (--outt → --out) and exits 2', async () => {
    const r = await run('build', '--outt', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("kehoach build: không có tùy chọn '--outt'; có phải ý bạn là '--out'? (xem kehoach build --help)\n");
  });

  it('counts swapped letters (--jsno → --json)', async () => {
    expect((await run('check', '--jsno')).stderr).toContain("có phải ý bạn là '--json'?");
  });

  it('says an option needs its value, and which', async () => {
    const r = await run('build', '--out');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kehoach build: --out cần một giá trị: --out THƯ_MỤC\n');
  });

  it('refuses a value given to a switch', async () => {
    const r = await run('check', '--json=yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--json không nhận giá trị');
  });

  it('refuses arguments a command does not take', async () => {
    const r = await run('new', 'thua-thien-hue');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("đối số thừa 'thua-thien-hue'");
  });

  it('suggests the command meant (buidl → build) and lists the commands', async () => {
    const r = await run('buidl');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kehoach: không có lệnh 'buidl'; có phải ý bạn là 'build'\?/);
    for (const name of names) expect(r.stderr).toContain(`  ${name} `);
  });
});

describe('kehoach alone, --help and --version', () => {
  it('lists every command with its summary', async () => {
    const alone = await run();
    expect(alone.code).toBe(2);
    for (const name of names) expect(alone.stdout).toContain(`  ${name.padEnd(7)}  ${COMMANDS[name].summary}`);
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(alone.stdout);
  });

  it('help COMMAND is COMMAND --help', async () => {
    expect((await run('help', 'diff')).stdout).toBe((await run('diff', '--help')).stdout);
  });

  it('reads the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect((await run('--version')).stdout).toBe(`kehoach ${version}\n`);
  });
});
