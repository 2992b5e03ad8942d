// One headless browser per process that turns HTML pages into PDF bytes. Pages are reused (a
// small pool), run without JavaScript, and may read nothing but the tool's own files (templates,
// bundled fonts) and data: URLs; every other request is aborted and recorded.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// puppeteer is imported once the browser is already booting (see launch): types only here.
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { toolRoot } from '../html/paths.ts';
import { NoBrowserError, findBrowser } from './browser.ts';
import { spawnChromium, type ChromiumProcess } from './chromium-process.ts';
import { printFonts, type PrintFonts } from './print-fonts.ts';
import { chooseFont } from '../html/fonts.ts';

export { LAUNCH_ARGS, launchFlags } from './chromium-process.ts';

export interface PdfPrinterOptions {
  /** Browser executable; default: findBrowser(env). */
  executablePath?: string;
  /** The environment the browser is found from when no executablePath is given (default: the process's). */
  env?: NodeJS.ProcessEnv;
  /** Pages printing at once (default 2: on two cores a third adds nothing). */
  pages?: number;
  /** Further folders whose files pages may read (file: URLs). */
  allowedDirs?: string[];
  /** Per-step timeout in milliseconds (default 60 s). */
  timeoutMs?: number;
  /** false: bundled Tinos as a web font even where fontconfig could register it (print-fonts.ts). */
  registerFont?: boolean;
}

export interface RequestLog {
  allowed: string[];
  blocked: string[];
}

interface Slot {
  page: Page;
  generation: number;
}

/** How long a browser has to answer after a failed print before it is taken for dead. */
const RECOVERY_PROBE_MS = 5000;

/** Requests remembered per kind: enough for tests and diagnostics, bounded for a province batch. */
const LOG_LIMIT = 500;

/**
 * Notes a requested URL. A data: URL (an inlined font is ~100 kB) is noted by its type and size
 * only: keeping whole ones retained ~1.7 MB per plan over a batch.
 */
function remember(list: string[], url: string): void {
  const entry = url.startsWith('data:') ? `${url.slice(0, url.indexOf(',') + 1)}… (${url.length} B)` : url;
  if (list.length >= LOG_LIMIT) list.shift();
  list.push(entry);
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export class PdfPrinter {
  readonly executablePath: string;
  /** How this browser gets the PDF's face; `fonts.css` goes into every page it prints. */
  readonly fonts: PrintFonts;
  private readonly maxPages: number;
  private readonly timeoutMs: number;
  private readonly allowedDirs: string[];
  /** Folder for the HTML files being printed (each print loads a fresh document from here). */
  private readonly workDir: string;
  private printed = 0;
  private browser: Promise<Browser> | undefined;
  private userDataDir: string | undefined;
  private generation = 0;
  /** The generation (browser launch) whose first print has finished: its pool may grow. */
  private warmGeneration = -1;
  /** The generation whose start-up tab (about:blank) has been taken as a page. */
  private initialTabGeneration = -1;
  private idle: Slot[] = [];
  private open = 0;
  private waiters: ((slot: Slot | Error) => void)[] = [];
  private closed = false;
  private log: RequestLog = { allowed: [], blocked: [] };
  private chromium: ChromiumProcess | undefined;
  private staleProfiles: string[] = [];
  /** Ctrl-C ends the process without close(): kill the browser, remove the temp folders. */
  private readonly onExit = () => {
    // The browser runs in its own process group (spawned detached): killing the group also stops
    // the helpers that would otherwise keep writing into the profile.
    if (this.chromium) this.killProcess(this.chromium);
    this.removeProfile();
    rmSync(this.workDir, { recursive: true, force: true });
  };

  /** Throws NoBrowserError (Vietnamese message) when no browser is installed. */
  constructor(opts: PdfPrinterOptions = {}) {
    const exe = opts.executablePath ?? findBrowser(opts.env);
    if (!exe) throw new NoBrowserError();
    this.executablePath = exe;
    this.maxPages = Math.max(1, Math.floor(opts.pages ?? 2));
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.workDir = mkdtempSync(path.join(os.tmpdir(), 'kehoach-print-'));
    this.fonts = printFonts(this.workDir, { register: opts.registerFont });
    // The bundled font's folder too: a page rendered with the default font rules links its files.
    const fontDir = chooseFont().dir;
    this.allowedDirs = [toolRoot, this.workDir, ...(fontDir ? [fontDir] : []), ...(opts.allowedDirs ?? [])].map((d) => path.resolve(d));
    process.on('exit', this.onExit);
  }

  /** Every URL a page asked for since the printer started (for tests and diagnostics). */
  requests(): RequestLog {
    return { allowed: [...this.log.allowed], blocked: [...this.log.blocked] };
  }

  /** Process id of the running browser, if one is running (diagnostics; the crash test kills it). */
  async browserPid(): Promise<number | undefined> {
    if (!this.browser) return undefined;
    try {
      await this.browser;
      return this.chromium?.child.pid;
    } catch {
      return undefined;
    }
  }

  /** Prints a complete HTML document; the page's CSS decides size and margins. */
  async print(html: string): Promise<Uint8Array> {
    for (let attempt = 0; ; attempt++) {
      const generation = this.generation;
      let slot: Slot | undefined;
      // Each print navigates to a new file: document. Rewriting one document (setContent uses
      // document.write) keeps the previous page's CSP and state, and a file: origin is what lets
      // the page read the local font files (about:blank may not).
      const file = path.join(this.workDir, `in-${++this.printed}.html`);
      try {
        slot = await this.acquire();
        writeFileSync(file, html);
        await slot.page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: this.timeoutMs });
        // Untagged: Chromium's structure tree carries DOM node ids that differ between browser
        // sessions (byte-identical output comes first), and pdf-lib's page copy drops it anyway.
        const pdf = await slot.page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          tagged: false,
          timeout: this.timeoutMs,
        });
        if (slot.generation === this.generation && this.warmGeneration !== this.generation) {
          this.warmGeneration = this.generation;
          // The first print is done: prints queued meanwhile get the pool's other pages.
          for (let n = this.waiters.length - 1; n > 0 && this.open < this.maxPages; n--) this.handOver();
        }
        this.release(slot);
        return pdf;
      } catch (err) {
        if (slot) this.discard(slot);
        // A crashed browser or page is restarted once; a second failure is reported. Setting up
        // the page (acquire) is part of the attempt: a browser killed a moment ago may not have
        // told puppeteer yet, and its new page fails as the print did.
        await this.recover(slot?.generation ?? generation);
        if (attempt === 0 && !this.closed) continue;
        throw err;
      } finally {
        try {
          unlinkSync(file);
        } catch {
          // Never written, or already gone.
        }
      }
    }
  }

  /**
   * After a failed print: if the browser of `generation` no longer answers (killed, crashed, its
   * pipe closed), it is dropped at once, so that the retry launches a new one instead of asking
   * the dead one for a page. A browser that answers is kept (only the page failed).
   */
  private async recover(generation: number): Promise<void> {
    const launched = this.browser;
    const chromium = this.chromium;
    if (!launched || !chromium || generation !== this.generation) return;
    let timer: NodeJS.Timeout | undefined;
    let answers = false;
    try {
      const browser = await launched;
      answers =
        browser.connected &&
        (await Promise.race([
          browser.version().then(() => true),
          chromium.exited.then(() => false),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), RECOVERY_PROBE_MS))),
        ]));
    } catch {
      answers = false;
    } finally {
      clearTimeout(timer);
    }
    if (answers || generation !== this.generation) return;
    this.killProcess(chromium);
    this.browser = undefined;
    this.idle = [];
    this.open = 0;
  }

  /**
   * Starts the browser and opens the page pool without waiting for them: a cold build calls this
   * before compiling its plan, so Chromium boots (its own process) while this one compiles. Resolves
   * once the browser process has been spawned, which is what must precede the synchronous compile.
   * A failure is not reported here: the first print meets it (and says why).
   */
  async warmUp(): Promise<void> {
    if (this.closed) return;
    const launched = this.launch();
    launched
      .then(async () => {
        // One page: the pool grows once a first print has finished (see acquire).
        if (this.open === 0 && this.idle.length === 0) this.release(await this.acquire());
      })
      .catch(() => undefined);
    // launch() has spawned the process before returning (chromium-process.ts): it is running.
  }

  async close(): Promise<void> {
    this.closed = true;
    process.off('exit', this.onExit);
    for (const w of this.waiters.splice(0)) w(new Error('PdfPrinter closed'));
    const b = this.browser;
    this.browser = undefined;
    this.idle = [];
    this.open = 0;
    if (b) {
      try {
        await (await b).close();
      } catch {
        // Already gone.
      }
    }
    await this.stopProcess();
    this.removeProfile();
    rmSync(this.workDir, { recursive: true, force: true });
  }

  private removeProfile(): void {
    if (this.userDataDir) this.staleProfiles.push(this.userDataDir);
    this.userDataDir = undefined;
    // A killed browser's helper processes may still be writing into its profile (ENOTEMPTY, which
    // failed the prints that relaunched the browser): what cannot go now goes at the next try.
    this.staleProfiles = this.staleProfiles.filter((dir) => {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 2, retryDelay: 20 });
        return false;
      } catch {
        return true;
      }
    });
  }

  private launch(): Promise<Browser> {
    if (this.browser) return this.browser;
    this.removeProfile();
    this.userDataDir = mkdtempSync(path.join(os.tmpdir(), 'kehoach-chromium-'));
    const generation = ++this.generation;
    const chromium = spawnChromium(this.executablePath, this.userDataDir, this.fonts.env);
    this.chromium = chromium;
    const launched = this.attach(chromium);
    this.browser = launched;
    launched.then(
      (b) => {
        b.on('disconnected', () => {
          // Crash or kill: forget the browser and its pages; the next print relaunches.
          if (this.generation === generation) {
            this.browser = undefined;
            this.idle = [];
            this.open = 0;
          }
        });
      },
      () => {
        if (this.generation === generation) this.browser = undefined;
      },
    );
    return launched;
  }

  /** puppeteer, imported while the browser boots, takes over the DevTools pipe of the spawned process. */
  private async attach(chromium: ChromiumProcess): Promise<Browser> {
    let timer: NodeJS.Timeout | undefined;
    const failed = (why: string) =>
      new Error(`không khởi động được trình duyệt ${this.executablePath}: ${why}${chromium.recentOutput() ? `\n${chromium.recentOutput()}` : ''}`);
    try {
      const { default: puppeteer } = await import('puppeteer-core');
      return await Promise.race([
        puppeteer.connect({ transport: chromium.pipe, protocolTimeout: this.timeoutMs }),
        chromium.exited.then(() => {
          throw failed(chromium.failure() ?? 'trình duyệt đã thoát');
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(failed(`quá ${Math.round(this.timeoutMs / 1000)} s không phản hồi`)), this.timeoutMs);
        }),
      ]);
    } catch (err) {
      this.killProcess(chromium);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits a moment for the closed browser to exit, then kills what is left of it. */
  private async stopProcess(): Promise<void> {
    const chromium = this.chromium;
    this.chromium = undefined;
    if (!chromium) return;
    let timer: NodeJS.Timeout | undefined;
    const gone = await Promise.race([
      chromium.exited.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5000))),
    ]);
    clearTimeout(timer);
    if (!gone) this.killProcess(chromium);
  }

  /** Kills the browser's process group (its helpers too), then the process itself. */
  private killProcess(chromium: ChromiumProcess): void {
    const pid = chromium.child.pid;
    if (!pid) return;
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // Already gone, or not a group.
      }
    }
  }

  private async newSlot(): Promise<Slot> {
    const browser = await this.launch();
    const generation = this.generation;
    // The browser opens with one tab (about:blank, as puppeteer's launch does): the first page is
    // that tab, already set up while the browser started, instead of one more target to create.
    let page: Page | undefined;
    if (this.initialTabGeneration !== generation) {
      this.initialTabGeneration = generation;
      page = (await browser.pages())[0];
    }
    page ??= await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req) => this.onRequest(req));
    return { page, generation };
  }

  private onRequest(req: HTTPRequest): void {
    const url = req.url();
    if (this.isAllowed(url)) {
      remember(this.log.allowed, url);
      void req.continue().catch(() => undefined);
    } else {
      remember(this.log.blocked, url);
      void req.abort('blockedbyclient').catch(() => undefined);
    }
  }

  private isAllowed(url: string): boolean {
    if (url.startsWith('data:')) return true;
    if (!url.startsWith('file:')) return false;
    let file: string;
    try {
      file = path.resolve(fileURLToPath(url));
    } catch {
      return false;
    }
    return this.allowedDirs.some((d) => isInside(d, file));
  }

  private async acquire(): Promise<Slot> {
    if (this.closed) throw new Error('PdfPrinter closed');
    for (;;) {
      const slot = this.idle.pop();
      if (!slot) break;
      if (slot.generation === this.generation && !slot.page.isClosed()) return slot;
    }
    // A second page only once the browser has printed something: on a fresh browser, setting up
    // another page (a renderer of its own) while the first one is still starting up was slower than
    // printing what is queued one print after the other on the first page.
    if (this.open < this.maxPages && (this.open === 0 || this.warmGeneration === this.generation)) {
      this.open++;
      try {
        return await this.newSlot();
      } catch (err) {
        this.open = Math.max(0, this.open - 1);
        // A print waiting for this slot would otherwise wait forever (the batch hung, exit 13,
        // when the browser could not start): it gets a launch attempt of its own.
        this.handOver();
        throw err;
      }
    }
    const got = await new Promise<Slot | Error>((resolve) => this.waiters.push(resolve));
    if (got instanceof Error) throw got;
    return got;
  }

  private release(slot: Slot): void {
    if (slot.generation !== this.generation || slot.page.isClosed()) {
      this.discard(slot);
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) waiter(slot);
    else this.idle.push(slot);
  }

  private discard(slot: Slot): void {
    if (slot.generation === this.generation) this.open = Math.max(0, this.open - 1);
    void slot.page.close().catch(() => undefined);
    this.handOver();
  }

  /** A slot was lost: the next waiting print gets a new page (and a browser, if need be). */
  private handOver(): void {
    const waiter = this.waiters.shift();
    if (waiter && !this.closed) {
      this.open++;
      this.newSlot().then(waiter, (err: unknown) => {
        this.open = Math.max(0, this.open - 1);
        this.handOver();
        waiter(err instanceof Error ? err : new Error(String(err)));
      });
    }
  }
}
