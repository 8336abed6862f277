#!/usr/bin/env node
// Entry point: load the TypeScript sources with ts-node (transpile only; `npm
// run typecheck` is the type check) and hand over to engine/cli.ts.
'use strict';
const path = require('node:path');
require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
require('../engine/cli').main(process.argv.slice(2)).then(
  (status) => { process.exitCode = status; },
  (error) => { console.error(`mountspec: internal error: ${error && error.stack ? error.stack : error}`); process.exitCode = 70; },
);
