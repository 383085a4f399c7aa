// typia's tag expressions build their regular expressions where they test: `RegExp("^\\d{4}$")`
// for a `Pattern` tag (a new object, looked up in V8's regexp cache, on every call) or a literal
// such as IsoDateTime's. The encoder runs on every publish, so each one becomes a module constant
// built once. Only expressions without the `g` or `y` flag are hoisted: `test` on those keeps no
// state between calls, so one shared object behaves exactly like a fresh one.

/** A JSON-style double-quoted string literal, as typia prints the arguments of `RegExp(...)`. */
const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const CONSTRUCTED = new RegExp(String.raw`\b(?:new\s+)?RegExp\(\s*(${STRING})\s*(?:,\s*(${STRING})\s*)?\)`, 'g');

/** Characters after which a `/` starts a regular expression literal rather than a division. */
const BEFORE_LITERAL = new Set(['', '(', ',', '!', '&', '|', '?', ':', '=', '[', '{', ';']);

/** The end (exclusive) of the regular expression literal starting at `start`, flags included, or -1. */
function literalEnd(text: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '\n') return -1;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '/') {
      let end = i + 1;
      while (end < text.length && /[a-z]/.test(text[end]!)) end++;
      return end;
    }
  }
  return -1;
}

/** Whether a regular expression with these flags keeps state between `test` calls. */
function stateful(flags: string): boolean {
  return flags.includes('g') || flags.includes('y');
}

/**
 * Replaces each stateless regular expression that `expression` would build per call with the name
 * `constant(source)` gives its module-level constant.
 */
export function hoistPatterns(expression: string, constant: (source: string) => string): string {
  const constructed = expression.replace(CONSTRUCTED, (whole, _pattern: string, flags: string | undefined) =>
    flags !== undefined && stateful(JSON.parse(flags) as string) ? whole : constant(whole),
  );
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < constructed.length; i++) {
    const c = constructed[i]!;
    if (quote !== undefined) {
      out += c;
      if (c === '\\') out += constructed[++i] ?? '';
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      out += c;
      continue;
    }
    if (c === '/' && BEFORE_LITERAL.has(out.trimEnd().slice(-1))) {
      const end = literalEnd(constructed, i);
      if (end !== -1) {
        const literal = constructed.slice(i, end);
        const flags = literal.slice(literal.lastIndexOf('/') + 1);
        out += stateful(flags) ? literal : constant(literal);
        i = end - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}
