// The CLI's whole contact with its process: the directory it runs in, the environment, the two
// output streams, and whether it may install signal handlers. Commands take it as an argument, so
// that tests run a command in their own process (capturing the streams, with an environment of
// their own) and only `processIo()` reads the real process.

/** An output stream: what Progress's live line and diff's colour choice need of a terminal. */
export interface OutStream {
  write(text: string): void;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  /** The directory relative paths on the command line are taken from (the project is found from it). */
  cwd: string;
  /** The environment the tool reads (NO_COLOR, KEHOACH_DEBUG, the browser) and hands to git. */
  env: NodeJS.ProcessEnv;
  stdout: OutStream;
  stderr: OutStream;
  /**
   * The run owns the process: build's Ctrl-C ends it (exit 130) and the preview waits for Ctrl-C.
   * Off in-process, where nothing may call process.exit or leave a listener behind.
   */
  signals?: boolean;
  /** Ends a preview started without signals (in-process): the preview closes when it aborts. */
  stop?: AbortSignal;
}

/** The real process: its cwd, environment, stdout and stderr, and its signals. */
export function processIo(): CliIo {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, signals: true };
}
