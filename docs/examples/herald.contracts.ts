// The examples' own contracts, generated like any team's: `pnpm exec herald-schemas generate`
// (lint runs `herald-schemas generate --check`).
import type { ContractsDeclaration } from '@herald/schemas';

export default {
  outDir: 'contracts/generated',
  contracts: [
    {
      type: 'InvoiceIssued',
      source: 'contracts/invoice-issued.v1.ts',
      version: 1,
      id: 'urn:herald:example:invoice-issued:v1',
    },
  ],
} satisfies ContractsDeclaration;
