/** A file that cannot be read at all (not a sheet or row problem): its code says what the clerk must do. */
export class ReadError extends Error {
  constructor(readonly code: string, readonly file: string, readonly data: Record<string, string | number> = {}) {
    super(`${code}: ${file}`);
  }
}
