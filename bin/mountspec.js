#!/usr/bin/env node
// Entry point: check the arguments first (plain JavaScript, so a usage error
// answers before anything heavy loads), then load the TypeScript sources
// with ts-node (transpile only; `npm run typecheck` is the type check) and
// hand over to engine/cli.ts.
'use strict';
const path = require('node:path');
const { checkArgs, UsageError, USAGE } = require('./args');

const argv = process.argv.slice(2);
try {
  const { command } = checkArgs(argv);
  if (command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`mountspec: ${error.message}\n${USAGE}\n`);
  process.exitCode = 2;
  return;
}
require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
require('../engine/cli').main(argv).then(
  (status) => { process.exitCode = status; },
  (error) => { console.error(`mountspec: internal error: ${error && error.stack ? error.stack : error}`); process.exitCode = 70; },
);
