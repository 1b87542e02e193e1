/**
 * Terminal manners: colour only where it helps (a TTY) and where it is wanted (NO_COLOR,
 * FORCE_COLOR, --color/--no-color), and a spinner on standard error only for a person watching
 * a long run — never in CI, never while a machine format goes to standard output.
 */

export interface Stream {
  isTTY?: boolean;
}

/** https://no-color.org and FORCE_COLOR as Node and most tools read them; the flag wins. */
export function useColor(stream: Stream, env: Record<string, string | undefined>, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return !["0", "false"].includes(env.FORCE_COLOR);
  return stream.isTTY === true && env.TERM !== "dumb";
}

export interface Progress {
  /** Says how far the run is, e.g. "linting 12/40 files". */
  update(text: string): void;
  stop(): void;
}

const silent: Progress = { update() {}, stop() {} };

/**
 * A spinner on standard error when a person is watching: stderr is a TTY (not a dumb one), not CI, and standard
 * output is not carrying a machine format that a terminal would interleave with it. `color`
 * says whether it may be coloured (NO_COLOR, --no-color: see `useColor`).
 */
export function progress(
  stderr: Stream & NodeJS.WritableStream,
  env: Record<string, string | undefined>,
  options: { machineOutputOnStdout: boolean; color: boolean },
): Progress {
  if (stderr.isTTY !== true || env.TERM === "dumb" || env.CI || options.machineOutputOnStdout) return silent;
  // ora is loaded only here, and the spinner starts once it is: a run that ends sooner shows none.
  let spinner: { text: string; stop(): unknown } | undefined;
  let text = "iptlint";
  let stopped = false;
  let release = () => {};
  const stop = () => {
    stopped = true;
    spinner?.stop();
    release();
  };
  void import("ora").then(({ default: ora }) => {
    if (stopped) return;
    spinner = ora({
      stream: stderr,
      text,
      // Whether a person is watching was decided above; ora would ask process.env itself.
      isEnabled: true,
      color: options.color ? "cyan" : false,
      // Standard input and the terminal's modes are left alone. ora's discardStdin puts the
      // terminal in raw mode, where Ctrl-C is a byte to read, not SIGINT, and ora's reader of
      // it never starts on a fresh stdin: Ctrl-C did nothing until the run ended.
      discardStdin: false,
      // Hiding the cursor means showing it again on any exit, which ora does with a signal
      // handler for the rest of the run (signal-exit); every Ctrl-C would then wait for the
      // event loop. The cursor stays visible instead.
      hideCursor: false,
    }).start();
    // Ctrl-C while it spins: its line is cleared before the run ends.
    release = onInterrupt(() => spinner?.stop());
  });
  return {
    update(next) {
      text = next;
      if (spinner) spinner.text = next;
    },
    stop,
  };
}

/** What to undo if the run is interrupted now: a spinner to clear, a temporary file to remove. */
const undoOnInterrupt = new Set<() => void>();

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Runs `undo` if the run is stopped by a signal (Ctrl-C) before the returned function is called.
 * Only while there is something to undo does iptlint listen for signals: otherwise a signal
 * ends it at once, even in the middle of linting a large file.
 */
export function onInterrupt(undo: () => void): () => void {
  if (undoOnInterrupt.size === 0) for (const signal of STOP_SIGNALS) process.on(signal, interrupted);
  undoOnInterrupt.add(undo);
  return () => {
    if (!undoOnInterrupt.delete(undo) || undoOnInterrupt.size > 0) return;
    for (const signal of STOP_SIGNALS) process.removeListener(signal, interrupted);
  };
}

/**
 * Undoes what is pending, then ends the run by the same signal, as if it had not been caught:
 * the shell sees a run killed by SIGINT (exit status 130), and a script running iptlint in a loop
 * stops too.
 */
function interrupted(signal: NodeJS.Signals): void {
  for (const undo of undoOnInterrupt) {
    try {
      undo();
    } catch {
      // Ending the run matters more than any one undo.
    }
  }
  undoOnInterrupt.clear();
  for (const each of STOP_SIGNALS) process.removeListener(each, interrupted);
  process.kill(process.pid, signal);
}
