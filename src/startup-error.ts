/**
 * A start-up failure with a known cause. Its message is one line naming the cause and what to change;
 * the process prints it without a stack trace and exits with code 2.
 */
export class StartupError extends Error {}
