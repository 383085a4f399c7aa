#!/usr/bin/env node
// The linked executable: pnpm links bins at install, before a fresh clone has built dist/, so the
// link points at this file (always present), which loads the built CLI.
import '../dist/cli.js';
