// The generated encoder builds each regular expression of a tag check once, at module scope.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hoistPatterns } from '../src/cli/codegen/hoist-patterns.js';

function hoisted(expression: string): { text: string; sources: string[] } {
  const sources: string[] = [];
  const text = hoistPatterns(expression, (source) => {
    sources.push(source);
    return `P${sources.length - 1}`;
  });
  return { text, sources };
}

describe('hoistPatterns', () => {
  it('hoists a Pattern tag RegExp call and a regular expression literal', () => {
    expect(hoisted('RegExp("^\\\\d{4}$").test($input)')).toEqual({
      text: 'P0.test($input)',
      sources: ['RegExp("^\\\\d{4}$")'],
    });
    expect(hoisted('/^[a-z/]+\\/x$/i.test($input) && $input.length / 2 > 1')).toEqual({
      text: 'P0.test($input) && $input.length / 2 > 1',
      sources: ['/^[a-z/]+\\/x$/i'],
    });
  });

  it('leaves stateful (g, y) expressions, strings and divisions alone', () => {
    const untouched = [
      'RegExp("a", "g").test($input)',
      '/a/y.test($input)',
      '$input === "/not/a/regexp/"',
      '($input / 2) % 1 === 0',
    ];
    for (const expression of untouched) expect(hoisted(expression)).toEqual({ text: expression, sources: [] });
  });
});

describe('generated encoders', () => {
  it('build no regular expression per call', () => {
    const source = readFileSync(
      resolve(import.meta.dirname, 'fixtures/shapes/generated/shapes-event.v1.encoder.ts'),
      'utf8',
    );
    const body = source.slice(source.indexOf('export function'));
    expect(source).toContain('const PATTERN_0 = RegExp("^\\\\d{4}$");');
    expect(body).not.toMatch(/RegExp\(|[(!&|]\s*\/\^/);
    expect(body.match(/PATTERN_0\.test\(/g)).toHaveLength(2);
    // IsoDateTime has a runtime equivalent (accelerated-checks.ts): called, not inlined, and the
    // value it vouches for is copied natively.
    expect(source).not.toContain('const PATTERN_1');
    expect(body).toMatch(/!isRfc3339\(v\d+\)/);
    expect(body).toMatch(/p \+= b\.write\(v\d+, p, 'latin1'\);/);
  });
});
