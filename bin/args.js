// The CLI's arguments, checked before anything of the engine loads (plain
// JavaScript: no ts-node, no model), so a usage error answers at once.
// One table of subcommands: adding one is an entry here and its handler in
// engine/cli.ts.
'use strict';
const { parseArgs } = require('node:util');

// The kernels a transcript can run on: the spec's own list (cucumber.js), which a test keeps equal to the engine's backends.
const { KERNELS } = require('../cucumber.js');

/** Each subcommand: its usage line, its options (node:util parseArgs), how many positionals, which options it requires. */
const COMMANDS = {
  run: {
    usage: `run --kernel <${KERNELS.join('|')}> [--json] FILE`,
    options: { kernel: { type: 'string' }, json: { type: 'boolean' } },
    positionals: { min: 1, max: 1, what: 'run takes exactly one transcript FILE' },
    required: ['kernel'],
  },
  reproduce: {
    usage: 'reproduce FEATURE:LINE --kernel <kernel>   (one scenario; reports/ untouched)',
    options: { kernel: { type: 'string' } },
    positionals: { min: 1, max: 1, what: 'reproduce takes exactly one FEATURE:LINE' },
    required: ['kernel'],
  },
  explore: {
    usage: 'explore --kernel <variant>[+PATCH|-PATCH...] [--depth D] ...   (explore --help)',
    options: {
      kernel: { type: 'string' }, depth: { type: 'string' }, paths: { type: 'string' }, fds: { type: 'string' }, with: { type: 'string' },
      jobs: { type: 'string' }, shard: { type: 'string' }, json: { type: 'boolean' }, alphabet: { type: 'boolean' },
      'write-features': { type: 'boolean' }, live: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
    positionals: { min: 0, max: 0, what: 'explore takes no operands' },
    required: [],
    // engine/explore/variant-expr.ts checks the kernel: a variant with patches added or reverted.
    kernelExpression: true,
  },
  variants: { usage: 'variants', options: {}, positionals: { min: 0, max: 0, what: 'variants takes no arguments' }, required: [] },
};

const USAGE = `${Object.values(COMMANDS)
  .map((c, i) => `${i === 0 ? 'usage:' : '      '} mountspec ${c.usage}`)
  .join('\n')}
FILE is a transcript: lines beginning "# " are commands; "-" reads standard input.`;

class UsageError extends Error {}

/**
 * argv (after the program name) to { command, values, positionals }, or a
 * UsageError: an unknown command or option, an option given twice, a value
 * missing or not one of the choices, the wrong number of operands.
 * `--help` / `-h` is { command: 'help' }.
 */
function checkArgs(argv) {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') return { command: 'help', values: {}, positionals: [] };
  if (command === undefined) throw new UsageError('no command given');
  if (!Object.hasOwn(COMMANDS, command)) throw new UsageError(`unknown command "${command}"`);
  const spec = COMMANDS[command];
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: spec.options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const seen = new Set();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once`);
    seen.add(token.name);
  }
  const { values, positionals } = parsed;
  if (positionals.length < spec.positionals.min || positionals.length > spec.positionals.max) throw new UsageError(spec.positionals.what);
  for (const name of spec.required) if (values[name] === undefined) throw new UsageError(`--${name} is required`);
  if (values.kernel !== undefined && !spec.kernelExpression && !KERNELS.includes(values.kernel)) throw new UsageError(`unknown kernel "${values.kernel}": choose one of ${KERNELS.join(', ')}`);
  return { command, values, positionals };
}

module.exports = { checkArgs, UsageError, USAGE, COMMANDS };
