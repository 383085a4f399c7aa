// The serialize benchmark's own contract, generated like any team's: `pnpm exec herald-schemas generate`
// (lint runs `herald-schemas generate --check`).
import type { ContractsDeclaration } from '@herald/schemas';

export default {
  outDir: 'src/serialize/generated',
  contracts: [
    {
      type: 'PaymentEvent',
      source: 'src/serialize/contracts/payment-event.v1.ts',
      version: 1,
      id: 'urn:herald:bench:payment-event:v1',
    },
  ],
} satisfies ContractsDeclaration;
