/** A wrong command line: reported in Vietnamese with exit code 2, never as a stack trace. */
export class UsageError extends Error {}
