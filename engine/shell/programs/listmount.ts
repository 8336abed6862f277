// listmount [-r] [-n NSFILE] [PATH | -i ID], as engine/live/helpers/listmount.c.

import { LISTMOUNT_REVERSE, LSMT_ROOT, STATMOUNT_MNT_POINT } from '../../kernel/constants';
import type { TranscriptLine } from '../../transcript/types';
import { defineProgram, exit, type ProgramContext, type ProgramOutcome } from '../program';
import { failed } from './fs-context-helpers';
import { mntNsIdOf, mountOperand, nsOption, uniqueId, type MountOperand } from './statmount';

export interface ListmountArgs {
  readonly reverse: boolean;
  readonly nsFile: string | null;
  readonly mount: MountOperand;
}

/** `listmount [-r] [-n NSFILE] [PATH | -i ID]` */
export function parseListmount(argv: readonly string[], place: TranscriptLine): ListmountArgs {
  const reverse = argv[1] === '-r';
  const { nsFile, rest } = nsOption(argv.slice(reverse ? 2 : 1));
  return { reverse, nsFile, mount: mountOperand(rest, 'listmount', place, true) };
}

/** Ids asked for per call: few, so that a long list takes several calls, each after the last id seen. */
const BATCH = 4;

function runListmount(ctx: ProgramContext, args: ListmountArgs): ProgramOutcome {
  const nsId = mntNsIdOf(ctx, 'listmount', args.nsFile);
  if (nsId === null) return exit(1);
  const parent = args.mount === null ? LSMT_ROOT : uniqueId(ctx, 'listmount', args.mount);
  if (parent === null) return exit(1);
  let last = 0n;
  for (;;) {
    const listed = ctx.sys.listmount({ req: { mnt_id: parent, param: last, mnt_ns_id: nsId }, nrMntIds: BATCH, flags: args.reverse ? LISTMOUNT_REVERSE : 0 });
    if (!listed.ok) return failed(ctx, 'listmount', listed);
    for (const id of listed.value) {
      const sm = ctx.sys.statmount({ req: { mnt_id: id, param: BigInt(STATMOUNT_MNT_POINT), mnt_ns_id: nsId }, flags: 0 });
      ctx.out(sm.ok && sm.value.mnt_point !== undefined ? `${id} ${sm.value.mnt_point}\n` : `${id}\n`);
    }
    if (listed.value.length < BATCH) return exit(0);
    last = listed.value[listed.value.length - 1]!;
  }
}

export const listmount = defineProgram({
  name: 'listmount',
  usage: ['listmount [-r] [-n NSFILE] [P | -i ID]'],
  summary:
    '`listmount(2)` of the mounts below P\'s mount (neither P nor ID: `LSMT_ROOT`), `-r` `LISTMOUNT_REVERSE`, 4 ids a call, each after the last seen: one line per mount, its unique id and its mount point; `-n NSFILE`: in the mount namespace NSFILE (`/proc/PID/ns/mnt`) stands for, as `statmount -n`',
  parse: parseListmount,
  run: runListmount,
  live: { helper: 'listmount' },
});
