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
 * A spinner on standard error when a person is watching: stderr is a TTY, not CI, and standard
 * output is not carrying a machine format that a terminal would interleave with it.
 */
export function progress(
  stderr: Stream & NodeJS.WritableStream,
  env: Record<string, string | undefined>,
  options: { machineOutputOnStdout: boolean },
): Progress {
  if (stderr.isTTY !== true || env.CI || options.machineOutputOnStdout) return silent;
  // ora is loaded only here, and the spinner starts once it is: a run that ends sooner shows none.
  let spinner: { text: string; stop(): unknown } | undefined;
  let text = "iptlint";
  let stopped = false;
  void import("ora").then(({ default: ora }) => {
    if (!stopped) spinner = ora({ stream: stderr, text }).start();
  });
  return {
    update(next) {
      text = next;
      if (spinner) spinner.text = next;
    },
    stop() {
      stopped = true;
      spinner?.stop();
    },
  };
}
