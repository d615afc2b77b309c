/** Where the CLI writes and what it reads from its environment; tests pass their own to run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (progress bars only then). @default false */
  isTty?: boolean;
}

/** The real process streams. */
export const processIo: CliIo = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  env: process.env,
  isTty: process.stderr.isTTY === true,
};

/**
 * Text as it may reach a terminal: escape sequences (ANSI colours, cursor moves, title changes) and
 * control characters other than newline, tab and carriage return are removed, so an id or name in
 * the data cannot repaint or hide what the CLI prints.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b(\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(\u0007|\u001b\\)?|[@-_])?/g, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}

/** The same io with everything written to stderr made terminal-safe. */
export function withSafeStderr(io: CliIo): CliIo {
  return { ...io, stderr: (t) => io.stderr(terminalSafe(t)) };
}
