// Starts Chromium for printing without loading puppeteer first. A cold build's critical path is
// Chromium's own boot (about a second, in its own processes); importing puppeteer to launch it
// took 0.15–0.35 s of this process before the browser was even spawned. So the browser is spawned
// here, at once, with the flags puppeteer's launch would give it, and puppeteer attaches later
// (PdfPrinter, puppeteer.connect) over the same DevTools pipe (--remote-debugging-pipe: file
// descriptors 3 and 4, no TCP port that another local user could reach).
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/** Our own flags, for a machine without network, as root in CI too (--no-sandbox is added then). */
export const LAUNCH_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
];

/**
 * What puppeteer-core 24's `defaultArgs({ headless: true, userDataDir })` gives, in its order:
 * copied rather than computed, since computing them means importing puppeteer. A test compares this
 * list with puppeteer's own, so an upgrade that changes them fails there, not in a PDF.
 */
function puppeteerDefaultArgs(userDataDir: string): string[] {
  return [
    '--allow-pre-commit-input',
    '--disable-background-networking',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-breakpad',
    '--disable-client-side-phishing-detection',
    '--disable-component-extensions-with-background-pages',
    '--disable-crash-reporter',
    '--disable-default-apps',
    '--disable-dev-shm-usage',
    '--disable-hang-monitor',
    '--disable-infobars',
    '--disable-ipc-flooding-protection',
    '--disable-popup-blocking',
    '--disable-prompt-on-repost',
    '--disable-renderer-backgrounding',
    '--disable-search-engine-choice-screen',
    '--disable-sync',
    '--enable-automation',
    '--export-tagged-pdf',
    '--force-color-profile=srgb',
    '--generate-pdf-document-outline',
    '--metrics-recording-only',
    '--no-first-run',
    '--password-store=basic',
    '--use-mock-keychain',
    '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
    '--enable-features=PdfOopif',
    `--user-data-dir=${userDataDir}`,
    '--headless=new',
    '--hide-scrollbars',
    '--mute-audio',
    '--disable-extensions',
    'about:blank',
  ];
}

/** Our flags, plus --no-sandbox when running as root (Chromium refuses its sandbox then). */
export function launchFlags(): string[] {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return [...LAUNCH_ARGS, ...(asRoot ? ['--no-sandbox'] : [])];
}

/** The command line puppeteer.launch({ headless: true, pipe: true, args: launchFlags(), userDataDir }) runs. */
export function chromiumArgs(userDataDir: string): string[] {
  return [...puppeteerDefaultArgs(userDataDir), ...launchFlags(), '--remote-debugging-pipe'];
}

/** The shape of puppeteer's ConnectionTransport (a public interface), without importing puppeteer. */
export interface PipeConnection {
  send(message: string): void;
  close(): void;
  onmessage?: (message: string) => void;
  onclose?: () => void;
}

/**
 * DevTools messages over Chromium's pipe: JSON texts, each ended by a NUL byte. Written here
 * rather than imported because puppeteer's own PipeTransport is not part of its public API.
 */
class NulDelimitedPipe implements PipeConnection {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private pending: Buffer[] = [];
  private closed = false;
  private ended = false;

  constructor(
    private readonly output: Writable,
    input: Readable,
  ) {
    input.on('data', (chunk: Buffer) => this.receive(chunk));
    input.on('close', () => this.finish());
    // A dead browser shows as a closed pipe ('close' above); the errors say the same thing again.
    input.on('error', () => undefined);
    output.on('error', () => undefined);
  }

  send(message: string): void {
    if (this.closed) return;
    this.output.write(message);
    this.output.write('\0');
  }

  close(): void {
    this.closed = true;
    this.output.end();
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      this.pending.push(chunk.subarray(start, end));
      const message = Buffer.concat(this.pending).toString('utf8');
      this.pending = [];
      // Delivered on a later turn, in order, as puppeteer's own transport does.
      setImmediate(() => this.onmessage?.(message));
      start = end + 1;
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.closed = true;
    setImmediate(() => this.onclose?.());
  }
}

export interface ChromiumProcess {
  child: ChildProcess;
  pipe: PipeConnection;
  /** Resolves when the process has exited (or could not start). */
  exited: Promise<void>;
  /** What the browser said on stderr, the last few lines: for the message when it fails to start. */
  recentOutput(): string;
  /** Why the process could not start (spawn error) or ended early, once known. */
  failure(): string | undefined;
}

/** Spawns the browser; never throws (a failure to start shows as a closed pipe and failure()). */
export function spawnChromium(executablePath: string, userDataDir: string, env: Record<string, string> = {}): ChromiumProcess {
  // Detached: a process group of its own, so that a kill of the group stops its helpers too.
  const child = spawn(executablePath, chromiumArgs(userDataDir), {
    env: { ...process.env, ...env },
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let failure: string | undefined;
  child.stderr?.on('data', (d: Buffer) => {
    output = (output + d.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => {
    child.once('error', (err) => {
      failure = err.message;
      resolve();
    });
    child.once('exit', (code, signal) => {
      failure ??= signal ? `trình duyệt bị dừng (${signal})` : `trình duyệt thoát với mã ${code}`;
      resolve();
    });
  });
  const pipe = new NulDelimitedPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  return {
    child,
    pipe,
    exited,
    recentOutput: () => output.trim().split('\n').slice(-5).join('\n'),
    failure: () => failure,
  };
}
