// Which transport a publisher runs on: Herald's own addon when it loads, else the CKJS producer.
import { loadNativeBinding } from '@herald/native';
import { InvalidOptionsError } from '@herald/errors';
import { createNativeTransport } from './native-transport.js';
import { createRdkafkaTransport } from './rdkafka-transport.js';
import type { TransportFactory } from './transport.js';

/**
 * `'native'`: Herald's own Node-API producer (`@herald/native`); `'ckjs'`: the producer of
 * `@confluentinc/kafka-javascript`; `'auto'`: native when its addon loads, else CKJS (and CKJS for
 * transactional producers: the native transport has no transaction API yet).
 */
export type TransportChoice = 'auto' | 'native' | 'ckjs';

/** The native transport as a factory; it loads the addon on first use. */
export const nativeTransport: TransportFactory = (context) => {
  const binding = loadNativeBinding();
  if (binding instanceof Error) throw new InvalidOptionsError('transport', `the native transport cannot load its addon: ${binding.message}`);
  return createNativeTransport(binding, context);
};

/**
 * The factory for `choice`. `'auto'` decides when the first producer is created (importing the
 * publisher or using its test double loads no addon) and logs once, at info, why it fell back.
 *
 * @throws {InvalidOptionsError} for `'native'` when the addon does not load.
 */
export function selectTransport(choice: TransportChoice | TransportFactory): TransportFactory {
  if (typeof choice === 'function') return choice;
  switch (choice) {
    case 'ckjs':
      return createRdkafkaTransport;
    case 'native': {
      const binding = loadNativeBinding();
      if (binding instanceof Error) throw new InvalidOptionsError('transport', `transport 'native': the Herald addon does not load: ${binding.message}`);
      return (context) => createNativeTransport(binding, context);
    }
    case 'auto': {
      let toldWhy = false;
      return (context) => {
        // The native transport has no transaction API yet: transactional producers stay on CKJS.
        if (context.config['transactional.id'] !== undefined) return createRdkafkaTransport(context);
        const binding = loadNativeBinding();
        if (!(binding instanceof Error)) return createNativeTransport(binding, context);
        if (!toldWhy) {
          toldWhy = true;
          context.logger.info('native transport unavailable: using the CKJS transport', { reason: binding.message });
        }
        return createRdkafkaTransport(context);
      };
    }
    default:
      throw new InvalidOptionsError('transport', `unknown transport "${String(choice)}"; use auto, native, ckjs or a factory`);
  }
}
