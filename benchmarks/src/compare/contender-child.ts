// Entry of a Node contender's own process: `node contender-child.js <id> <workload.json>`.
// Prints the outcome as the last line of stdout and exits (some clients keep handles open).
import { readFileSync } from 'node:fs';
import type { ContenderOutcome, NodeContender } from './contender.js';
import type { Workload } from './workload.js';

const loaders: Readonly<Record<string, () => Promise<{ contender: NodeContender }>>> = {
  herald: () => import('./contenders/herald.js'),
  'herald-ckjs': () => import('./contenders/herald-ckjs.js'),
  'native-naive': () => import('./contenders/native-naive.js'),
  'native-ceiling': () => import('./contenders/native-ceiling.js'),
  'kafkajs-compat': () => import('./contenders/kafkajs-compat.js'),
  kafkajs: () => import('./contenders/kafkajs.js'),
  platformatic: () => import('./contenders/platformatic.js'),
};

async function main(id: string | undefined, workloadFile: string | undefined): Promise<ContenderOutcome> {
  const load = id === undefined ? undefined : loaders[id];
  if (load === undefined || workloadFile === undefined)
    return { status: 'failed', reason: `usage: contender-child <${Object.keys(loaders).join('|')}> <workload.json>` };
  let module: { contender: NodeContender };
  try {
    module = await load();
  } catch (error) {
    // A client that did not install (or whose native part did not build) is unavailable, not a crash.
    return { status: 'unavailable', reason: `cannot load: ${(error as Error).message.split('\n')[0] ?? ''}` };
  }
  const workload = JSON.parse(readFileSync(workloadFile, 'utf8')) as Workload;
  try {
    return await module.contender.run(workload);
  } catch (error) {
    return { status: 'failed', reason: (error as Error).stack?.split('\n').slice(0, 3).join(' | ') ?? String(error) };
  }
}

const outcome = await main(process.argv[2], process.argv[3]);
process.stdout.write(`\n${JSON.stringify(outcome)}\n`, () => process.exit(0));
