// listmount [-r] [PATH | -i ID], as engine/live/helpers/listmount.c.

import { LISTMOUNT_REVERSE, LSMT_ROOT, STATMOUNT_MNT_POINT } from '../../kernel/constants';
import type { TranscriptLine } from '../../transcript/types';
import { defineProgram, exit, type ProgramContext, type ProgramOutcome } from '../program';
import { failed } from './fs-context-helpers';
import { mountOperand, uniqueId, type MountOperand } from './statmount';

export interface ListmountArgs {
  readonly reverse: boolean;
  readonly mount: MountOperand;
}

export function parseListmount(argv: readonly string[], place: TranscriptLine): ListmountArgs {
  const reverse = argv[1] === '-r';
  return { reverse, mount: mountOperand(argv.slice(reverse ? 2 : 1), 'listmount', place, true) };
}

/** Ids asked for per call: few, so that a long list takes several calls, each after the last id seen. */
const BATCH = 4;

function runListmount(ctx: ProgramContext, args: ListmountArgs): ProgramOutcome {
  const parent = args.mount === null ? LSMT_ROOT : uniqueId(ctx, 'listmount', args.mount);
  if (parent === null) return exit(1);
  let last = 0n;
  for (;;) {
    const listed = ctx.sys.listmount({ req: { mnt_id: parent, param: last, mnt_ns_id: 0n }, nrMntIds: BATCH, flags: args.reverse ? LISTMOUNT_REVERSE : 0 });
    if (!listed.ok) return failed(ctx, 'listmount', listed);
    for (const id of listed.value) {
      const sm = ctx.sys.statmount({ req: { mnt_id: id, param: BigInt(STATMOUNT_MNT_POINT), mnt_ns_id: 0n }, flags: 0 });
      ctx.out(sm.ok && sm.value.mnt_point !== undefined ? `${id} ${sm.value.mnt_point}\n` : `${id}\n`);
    }
    if (listed.value.length < BATCH) return exit(0);
    last = listed.value[listed.value.length - 1]!;
  }
}

export const listmount = defineProgram({
  name: 'listmount',
  usage: ['listmount [-r] [P | -i ID]'],
  summary:
    '`listmount(2)` of the mounts below P\'s mount (neither P nor ID: `LSMT_ROOT`), `-r` `LISTMOUNT_REVERSE`, 4 ids a call, each after the last seen: one line per mount, its unique id and its mount point',
  parse: parseListmount,
  run: runListmount,
  live: { helper: 'listmount' },
});
