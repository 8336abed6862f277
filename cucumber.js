// One profile per kernel: `npx cucumber-js -p v12` runs the whole spec on
// that kernel and writes its message stream to reports/<kernel>.ndjson.
// `npm run test:spec` runs every profile and checks the @fails-on claims.
'use strict';

const KERNELS = ['v12', 'v12-move-fix', 'v12-both-fixes', 'mainline', 'live'];

function profile(kernel) {
  return {
    paths: ['features/**/*.feature'],
    requireModule: ['ts-node/register/transpile-only'],
    require: ['steps/world.ts', 'steps/parameter-types.ts', 'steps/support/hooks.ts', 'steps/*.steps.ts'],
    worldParameters: { kernel },
    format: ['summary', `message:reports/${kernel}.ndjson`],
    // The live kernel cannot be looked into: internals are the model's alone.
    tags: kernel === 'live' ? 'not @model-only' : '',
    strict: true,
  };
}

module.exports = Object.fromEntries([['default', profile('mainline')], ...KERNELS.map((k) => [k, profile(k)])]);
module.exports.KERNELS = KERNELS;
