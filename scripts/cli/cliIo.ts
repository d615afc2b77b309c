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
