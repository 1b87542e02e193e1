/** Failures of the command line that are the input's or the user's, each with its exit code. */

/** An input that could not be read: exit code 4, with the reason. */
export class UnreadableInput extends Error {}

/** A file that cannot be written (a read-only file or folder): exit code 4, with the reason. */
export class UnwritableFile extends Error {}

/** Arguments that make no sense together: exit code 2. */
export class UsageError extends Error {}
