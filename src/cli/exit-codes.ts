/** The exit codes, the same for every command (see the README). */
export const ExitCode = {
  /** No finding at or above the failure threshold. */
  Ok: 0,
  /** Findings (a syntax error is one). */
  Findings: 1,
  /** A usage error: unknown flag, bad value, missing argument. */
  Usage: 2,
  /** The configuration is invalid. */
  Config: 3,
  /** An input cannot be read, or a file cannot be written (`fix` in place, `--output-file`). */
  Unreadable: 4,
  /** A bug in iptlint. */
  Internal: 5,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
