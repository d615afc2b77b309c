/**
 * A failure the user can fix (bad file, bad flag): the CLI prints its message without a stack
 * trace and exits 1. `alreadyReported` means the details were printed line by line already and
 * the message is only the closing summary.
 */
export class UserError extends Error {
  readonly alreadyReported: boolean;

  constructor(message: string, options: { alreadyReported?: boolean } = {}) {
    super(message);
    this.name = 'UserError';
    this.alreadyReported = options.alreadyReported ?? false;
  }
}
