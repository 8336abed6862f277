// The two tiny C programs the thread's sessions use (engine/live/helpers/
// has their real source): open_tree_clone and move_mount.

import { AT_EMPTY_PATH, AT_FDCWD, MOVE_MOUNT_F_EMPTY_PATH, OPEN_TREE_CLONE } from '../../kernel/constants';
import { strerror } from '../../errno';
import { exit, type Program } from '../program';

function fdArgument(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * `open_tree_clone N CMD [ARGS]`: fd N (opened by the shell's `N<P`) is
 * replaced by open_tree(N, "", OPEN_TREE_CLONE|AT_EMPTY_PATH), then CMD is
 * exec'd with it.
 */
export const openTreeClone =
  (programs: ReadonlyMap<string, Program>): Program =>
  (ctx) => {
    const fd = fdArgument(ctx.argv[1]);
    const command = ctx.argv[2];
    if (fd === null || command === undefined) {
      ctx.err('usage: open_tree_clone FD COMMAND [ARG...]\n');
      return exit(2);
    }
    const cloned = ctx.sys.open_tree({ dfd: fd, path: '', flags: OPEN_TREE_CLONE | AT_EMPTY_PATH });
    if (!cloned.ok) {
      ctx.err(`open_tree_clone: ${strerror(cloned.errno)}\n`);
      return exit(1);
    }
    ctx.sys.dup2({ oldfd: cloned.value, newfd: fd });
    if (cloned.value !== fd) ctx.sys.close({ fd: cloned.value });
    // execvp(CMD): a shell goes on reading the transcript in this process.
    if (command === 'sh' || command === 'bash') return { execShell: command, argv0: command };
    const program = programs.get(command);
    if (!program) {
      ctx.err(`open_tree_clone: ${strerror('ENOENT')}\n`);
      return exit(1);
    }
    return program({ ...ctx, argv: ctx.argv.slice(2) });
  };

/** `move_mount N P`: move_mount(N, "", AT_FDCWD, P, MOVE_MOUNT_F_EMPTY_PATH). */
export const moveMount: Program = (ctx) => {
  const fd = fdArgument(ctx.argv[1]);
  const target = ctx.argv[2];
  if (fd === null || target === undefined || ctx.argv.length > 3) {
    ctx.err('usage: move_mount FD PATH\n');
    return exit(2);
  }
  const moved = ctx.sys.move_mount({ fromDfd: fd, fromPath: '', toDfd: AT_FDCWD, toPath: target, flags: MOVE_MOUNT_F_EMPTY_PATH });
  if (moved.ok) return exit(0);
  ctx.err(`move_mount: ${strerror(moved.errno)}\n`);
  return exit(1);
};
