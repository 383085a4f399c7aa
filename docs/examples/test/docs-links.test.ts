// The docs stay whole: every relative link and image in the repository's Markdown points at a file
// that exists (docs/benchmarks.md once linked two images that were never written), and every file a
// published package lists in `files`, its README.md included, is there.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tracked = (pattern: string): string[] =>
  execFileSync('git', ['ls-files', pattern], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

/** `[text](target)` and `![alt](target)` outside code, with relative file targets. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]\n]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
    .map((target) => decodeURIComponent(target.split('#')[0]!));
}

describe('Markdown links', () => {
  it('finds the docs', () => {
    expect(tracked('*.md')).toEqual(expect.arrayContaining(['README.md', 'docs/benchmarks.md', 'docs/schemas.md']));
  });

  it('point at files that exist', () => {
    const broken = tracked('*.md').flatMap((file) =>
      relativeLinks(readFileSync(join(root, file), 'utf8'))
        .filter((target) => !existsSync(resolve(dirname(join(root, file)), target)))
        .map((target) => `${file} -> ${target}`),
    );
    expect(broken).toEqual([]);
  });
});

describe('package files', () => {
  it('lists only files that exist, a README.md in every published package', () => {
    const missing: string[] = [];
    for (const manifest of tracked('**/package.json')) {
      const pkg = JSON.parse(readFileSync(join(root, manifest), 'utf8')) as { private?: boolean; files?: string[] };
      if (pkg.private === true) continue;
      const dir = dirname(join(root, manifest));
      if (!pkg.files?.includes('README.md')) missing.push(`${manifest}: README.md not in files`);
      for (const entry of pkg.files ?? []) {
        // Build output (dist) appears after the build; globs are publint's to check.
        if (entry === 'dist' || entry.includes('*')) continue;
        if (!existsSync(join(dir, entry))) missing.push(`${manifest}: ${entry}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
