/** Writes `true` at `b[p]` and returns the end. */
export function writeJsonTrue(b: Buffer, p: number): number {
  b[p] = 0x74;
  b[p + 1] = 0x72;
  b[p + 2] = 0x75;
  b[p + 3] = 0x65;
  return p + 4;
}

/** Writes `false` at `b[p]` and returns the end. */
export function writeJsonFalse(b: Buffer, p: number): number {
  b[p] = 0x66;
  b[p + 1] = 0x61;
  b[p + 2] = 0x6c;
  b[p + 3] = 0x73;
  b[p + 4] = 0x65;
  return p + 5;
}
