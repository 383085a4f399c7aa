/** The message and string `code` of anything thrown: errors from other packages are read by shape. */
export function errorDetails(error: unknown): { readonly reason: string; readonly code?: string } {
  const reason = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? { reason, code } : { reason };
}
