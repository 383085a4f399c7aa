/**
 * Bad input to the CLI (a flag, the declaration, a type the kit cannot encode): printed as one
 * line, exit code 2. `where` names the file, and the type and property path when there is one.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
