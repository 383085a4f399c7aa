// One `<url>; param; param` entry of an RFC 8288 Link header. URLs cannot contain `>`, so a
// non-greedy match up to it is exact; `rel` may be quoted and may list several relations.
const ENTRY = /<([^>]*)>\s*((?:;\s*[^;,]*)*)/g;
const REL = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i;

/** The target of the `rel="next"` link in a `Link` header, or `undefined` when there is none. */
export function nextLink(header: string | null): string | undefined {
  if (header === null) return undefined;
  for (const [, url, params] of header.matchAll(ENTRY)) {
    const rel = REL.exec(params ?? '');
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (url !== undefined && relations.includes('next')) return url;
  }
  return undefined;
}
