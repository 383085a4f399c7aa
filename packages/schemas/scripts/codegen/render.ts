// Renders every generated file in memory, so `generate` can write them and the drift test can
// compare them with what is checked in, from the same code.
import { resolve } from 'node:path';
import { messageVersions } from '../messages.js';
import { analyseType, createProgram } from './analyze.js';
import { emitEncoder } from './emit-encoder.js';
import { emitJsonSchema } from './emit-json-schema.js';

/** A generated file: absolute path and exact content. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** Every generated file of the package at `packageDir` (the repo's `docs/` is two levels up). */
export function renderGeneratedFiles(packageDir: string): GeneratedFile[] {
  const program = createProgram(resolve(packageDir, 'tsconfig.build.json'));
  return messageVersions.flatMap((message) => {
    const { metadata, wire } = analyseType(program, resolve(packageDir, message.sourceFile), message.typeName);
    const version = /\.v(\d+)$/.exec(message.stem)?.[1] ?? '?';
    return [
      {
        path: resolve(packageDir, 'src/generated', `${message.stem}.encoder.ts`),
        content: emitEncoder({ typeName: message.typeName, exportName: message.exportName, sourceFile: message.sourceFile, wire }),
      },
      {
        path: resolve(packageDir, '../../docs/schemas', `${message.stem}.json`),
        content: emitJsonSchema(metadata, { id: message.schemaId, title: `${message.typeName} v${version}` }),
      },
    ];
  });
}
