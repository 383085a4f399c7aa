// Prints the directory holding the librdkafka that @confluentinc/kafka-javascript built
// (`<ckjs>/build/deps`: librdkafka.so.1 and include/), for binding.gyp and the build script.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The CKJS build's librdkafka directory, or undefined when it has none (a prebuilt or static CKJS). */
export function rdkafkaDir() {
  const ckjs = dirname(require.resolve('@confluentinc/kafka-javascript/package.json'));
  const dir = join(ckjs, 'build', 'deps');
  return existsSync(join(dir, 'librdkafka.so.1')) && existsSync(join(dir, 'include', 'librdkafka', 'rdkafka.h'))
    ? dir
    : undefined;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const dir = rdkafkaDir();
  if (dir === undefined) {
    console.error(
      '@herald/native: @confluentinc/kafka-javascript has no build/deps/librdkafka.so.1 (install it with CKJS_LINKING=dynamic)',
    );
    process.exit(1);
  }
  console.log(dir);
}
