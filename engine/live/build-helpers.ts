// Install hook: builds the live backend's C helpers.
//   node --require ts-node/register/transpile-only engine/live/build-helpers.ts [--strict]
// Without --strict a failure only warns: the model backends work everywhere,
// and the live backend reports itself unavailable with the same reason.
import { buildHelpers, HelperBuildError } from './helpers';

const strict = process.argv.includes('--strict');

if (process.platform !== 'linux') {
  console.warn(`mountspec: live-kernel helpers not built (${process.platform} is not Linux)`);
} else {
  try {
    const paths = buildHelpers();
    console.log(`mountspec: live-kernel helpers ready: ${Object.values(paths).join(', ')}`);
  } catch (error) {
    if (!(error instanceof HelperBuildError)) throw error;
    console.warn(`mountspec: ${error.message}; the live backend will be unavailable`);
    if (strict) process.exitCode = 1;
  }
}
