// Filesystem contexts (5.2+): what fsopen() and fspick() return behind an
// "anon_inode:[fscontext]" fd, what fsconfig() feeds and what fsmount()
// turns into a mount. A context walks through phases; a command given in
// the wrong phase is EBUSY. Its log keeps the last 8 messages for read().

import { MNT_INTERNAL } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Dentry, File, FsContext, Kernel, Mount, SuperBlock, Task } from '../kernel/types';
import { nsCapable } from '../kernel/user-namespace';
import { allocVfsmnt } from '../namespace/alloc';
import { fail, ok, type SyscallResult } from '../result';
import { allocFile } from './file';
import { fillSuperInfo, parseFsParam, reconfigureFsInfo } from './fs-parameters';
import { populateProc } from './procfs';
import { allocSuper, newDentry } from './super';

/** fc_log's ring: 8 entries, the oldest dropped when full (include/linux/fs_context.h). */
const LOG_SIZE = 8;

/** The superblock flags fsconfig() takes for any filesystem; the dialect's two (vfs_parse_sb_flag()). */
export const SB_FLAG_KEYS = ['ro', 'rw'] as const;

/**
 * Add a message to the context's log: "e ", "w " or "i ", then the text,
 * and a newline (what read() returns, one message per read).
 * Analogous to fs/fs_context.c:logfc() (6.18).
 */
export function logfc(fc: FsContext, level: 'e' | 'w' | 'i', text: string): void {
  fc.log.push(`${level} ${text}\n`);
  if (fc.log.length > LOG_SIZE) fc.log.shift();
}

/** Analogous to fs/fs_context.c:alloc_fs_context() for FS_CONTEXT_FOR_MOUNT, with fsopen()'s phase. */
export function fsContextForMount(fsType: FsContext['fs_type'], task: Task): FsContext {
  return {
    fs_type: fsType,
    purpose: 'FS_CONTEXT_FOR_MOUNT',
    phase: 'FS_CONTEXT_CREATE_PARAMS',
    source: null,
    root: null,
    sb_rdonly: null,
    params: new Map(),
    user_ns: task.user_ns,
    log: [],
  };
}

/** Analogous to fs/fs_context.c:fs_context_for_reconfigure(), with fspick()'s phase. */
export function fsContextForReconfigure(root: Dentry, task: Task): FsContext {
  return { ...fsContextForMount(root.d_sb.fstype as FsContext['fs_type'], task), purpose: 'FS_CONTEXT_FOR_RECONFIGURE', phase: 'FS_CONTEXT_RECONF_PARAMS', root };
}

/**
 * After fsmount() or a reconfiguration: the context forgets its parameters
 * and waits, ready to become a reconfiguration context.
 * Analogous to fs/fs_context.c:vfs_clean_context().
 */
export function vfsCleanContext(fc: FsContext): void {
  fc.params.clear();
  fc.source = null;
  fc.sb_rdonly = null;
  fc.purpose = 'FS_CONTEXT_FOR_RECONFIGURE';
  fc.phase = 'FS_CONTEXT_AWAITING_RECONF';
}

/** The next fsconfig() on a cleaned context turns it into one for reconfiguring. Analogous to finish_clean_context(). */
export function finishCleanContext(fc: FsContext): void {
  if (fc.phase === 'FS_CONTEXT_AWAITING_RECONF') fc.phase = 'FS_CONTEXT_RECONF_PARAMS';
}

/**
 * One parameter: "source", the superblock flags, or the filesystem's own;
 * an error leaves its message in the log. `value` is null for FSCONFIG_SET_FLAG.
 * Analogous to fs/fs_context.c:vfs_parse_fs_param() (6.18).
 */
export function vfsParseFsParam(fc: FsContext, key: string, value: string | null, userIsInit: boolean): SyscallResult<0> {
  if ((SB_FLAG_KEYS as readonly string[]).includes(key)) {
    fc.sb_rdonly = key === 'ro'; // vfs_parse_sb_flag(): any value is ignored
    return ok(0);
  }
  const refused = parseFsParam(fc, key, value, userIsInit);
  if (!refused) return ok(0);
  // -ENOPARAM from the filesystem: "source" is the VFS's (vfs_parse_fs_param_source()).
  if (key === 'source' && refused.messages[0]?.includes('Unknown parameter')) {
    if (value === null) return invalf('Non-string source');
    if (fc.source !== null) return invalf('Multiple sources');
    fc.source = value;
    return ok(0);
  }
  for (const message of refused.messages) logfc(fc, 'e', message);
  return fail(refused.errno);
  function invalf(text: string): SyscallResult<0> {
    logfc(fc, 'e', text);
    return fail('EINVAL');
  }
}

/**
 * FSCONFIG_CMD_CREATE (and _EXCL: tmpfs and proc make a new superblock every
 * time, so there is nothing to share and nothing to refuse).
 * Analogous to fs/fsopen.c:vfs_cmd_create() + vfs_get_tree() (6.18).
 */
export function vfsCmdCreate(k: Kernel, task: Task, fc: FsContext): SyscallResult<0> {
  return traced(k, 'vfs_cmd_create', () => {
    if (fc.phase !== 'FS_CONTEXT_CREATE_PARAMS') return fail('EBUSY');
    // mount_capable(): the caller (not the opener) must be capable over the context's user namespace:
    // tmpfs's is its opener's (FS_USERNS_MOUNT); proc's that of the PID namespace it shows, the initial one here.
    const owner = fc.fs_type === 'proc' ? k.init_user_ns : fc.user_ns;
    if (!nsCapable(task, owner)) return fail('EPERM');
    const sb = allocSuper(k, fc.fs_type, fc.source ?? 'none', owner);
    if (fc.fs_type === 'proc') populateProc(k, sb);
    sb.s_fs_info = fillSuperInfo(fc);
    sb.s_rdonly = fc.sb_rdonly ?? false;
    fc.root = sb.s_root;
    fc.phase = 'FS_CONTEXT_AWAITING_MOUNT';
    return ok(0);
  });
}

/**
 * FSCONFIG_CMD_RECONFIGURE: apply the parameters to the picked (or mounted)
 * superblock; a refusal leaves the context FAILED, and every later command EBUSY.
 * Analogous to fs/fsopen.c:vfs_cmd_reconfigure() + fs/super.c:reconfigure_super() (6.18).
 */
export function vfsCmdReconfigure(k: Kernel, task: Task, fc: FsContext): SyscallResult<0> {
  return traced(k, 'vfs_cmd_reconfigure', () => {
    if (fc.phase !== 'FS_CONTEXT_RECONF_PARAMS') return fail('EBUSY');
    fc.phase = 'FS_CONTEXT_RECONFIGURING';
    const sb = fc.root!.d_sb;
    if (!nsCapable(task, sb.s_user_ns)) {
      fc.phase = 'FS_CONTEXT_FAILED';
      return fail('EPERM');
    }
    const refused = reconfigureFsInfo(fc, sb);
    if (refused) {
      logfc(fc, 'e', `${sb.fstype}: ${refused}`);
      fc.phase = 'FS_CONTEXT_FAILED';
      return fail('EINVAL');
    }
    if (fc.sb_rdonly !== null) sb.s_rdonly = fc.sb_rdonly;
    vfsCleanContext(fc);
    return ok(0);
  });
}

/** The internal mount of anon_inodefs that every fscontext file sits on (one per kernel, as kern_mount()). */
const anonInodeMounts = new WeakMap<Kernel, { mnt: Mount; inode: Dentry }>();

function anonInodeMount(k: Kernel): { mnt: Mount; inode: Dentry } {
  let found = anonInodeMounts.get(k);
  if (!found) {
    const sb: SuperBlock = allocSuper(k, 'anon_inodefs', 'anon_inodefs');
    const mnt = allocVfsmnt(k, sb, sb.s_root, MNT_INTERNAL);
    found = { mnt, inode: newDentry(k, sb.s_root, '[fscontext]', sb, 'file') };
    anonInodeMounts.set(k, found);
  }
  return found;
}

/**
 * The file behind an fs context fd: one anonymous inode shared by all,
 * the context in private_data.
 * Analogous to fs/fsopen.c:fscontext_create_fd() -> anon_inode_getfd().
 */
export function fscontextFile(k: Kernel, fc: FsContext): File {
  const { mnt, inode } = anonInodeMount(k);
  return { ...allocFile(k, { mnt, dentry: inode }), private_data: fc };
}

/**
 * read() on an fs context: the oldest message, or ENODATA when none is left.
 * Analogous to fs/fsopen.c:fscontext_read() (6.18).
 */
export function fscontextRead(fc: FsContext, size: number): SyscallResult<string> {
  const message = fc.log.shift();
  if (message === undefined) return fail('ENODATA');
  if (message.length > size) return fail('EMSGSIZE'); // the message is gone all the same
  return ok(message);
}
