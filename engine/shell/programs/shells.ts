// sh and bash as programs: exec'd, they read the transcript's next lines in
// the same process (a nested shell) until `exit`. `sh` is bash in POSIX
// mode, on the live root as in the model.

import { DialectError } from '../../transcript/types';
import { defineProgram, type ProgramSpec } from '../program';

function shell(name: 'sh' | 'bash'): ProgramSpec {
  return defineProgram({
    name,
    usage: [name],
    summary: name === 'sh' ? 'a nested shell (bash in POSIX mode) that reads the lines that follow until `exit`' : 'a nested bash that reads the lines that follow until `exit`',
    parse: (argv, place) => {
      if (argv.length > 1) throw new DialectError(place, `${name} with arguments is not in the dialect: a nested shell reads the lines that follow`);
      return null;
    },
    run: (ctx) => ({ execShell: name, argv0: ctx.argv0 }),
    live: { host: 'bash' },
  });
}

export const sh = shell('sh');
export const bash = shell('bash');
