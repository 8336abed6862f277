// /proc/self/mountinfo, as the kernel prints it for a task: the mounts of
// the task's namespace in mount-id order (the 6.8+ rbtree), each only if it
// can be reached from the task's root. Fields are separated by spaces, so
// the kernel writes a space, tab, newline or backslash inside one as an
// octal escape (\040 \011 \012 \134); engine/userspace/mountinfo.ts reads them back.

import { MNT_NOATIME, MNT_NODEV, MNT_NODIRATIME, MNT_NOEXEC, MNT_NOSUID, MNT_NOSYMFOLLOW, MNT_READONLY, MNT_RELATIME } from '../kernel/constants';
import type { Mount, Path, Task } from '../kernel/types';
import { getDominatingId } from '../pnode/get-dominating-id';
import { isMntShared, isMntUnbindable } from '../pnode/pnode';
import { pathFromRoot } from '../fs/namei';
import { dentryPath } from '../fs/super';
import { showOptions } from '../fs/fs-parameters';

/**
 * A field with " \t\n\\" written as \ooo, as seq_escape() does for the root
 * (seq_dentry()), the mountpoint (seq_path_root()), the type (show_type())
 * and the source (mangle()) in show_mountinfo().
 * Analogous to fs/seq_file.c:seq_escape() with fs/proc_namespace.c's " \t\n\\".
 */
function mangle(field: string): string {
  if (!MANGLED.test(field)) return field; // most fields: no copy
  return field.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
}

const MANGLED = /[ \t\n\\]/;

/** show_mnt_opts(): the per-mount options (nosymfollow 5.10+, idmapped 5.12+ last). */
function mountOptions(m: Mount): string {
  const opts = [m.mnt_flags & MNT_READONLY ? 'ro' : 'rw'];
  if (m.mnt_flags & MNT_NOSUID) opts.push('nosuid');
  if (m.mnt_flags & MNT_NODEV) opts.push('nodev');
  if (m.mnt_flags & MNT_NOEXEC) opts.push('noexec');
  if (m.mnt_flags & MNT_NOATIME) opts.push('noatime');
  if (m.mnt_flags & MNT_NODIRATIME) opts.push('nodiratime');
  if (m.mnt_flags & MNT_RELATIME) opts.push('relatime');
  if (m.mnt_flags & MNT_NOSYMFOLLOW) opts.push('nosymfollow');
  if (m.mnt_idmap) opts.push('idmapped');
  return opts.join(',');
}

/** Superblock options as tmpfs and proc show them (show_options(): what fsconfig set). */
function superOptions(m: Mount): string {
  return [m.mnt_sb.s_rdonly ? 'ro' : 'rw', ...showOptions(m.mnt_sb)].join(',');
}

/**
 * The optional fields: " shared:N" (its peer group), " master:N" (the
 * group it receives propagation from) and " propagate_from:N" (the
 * nearest group up the chain of masters with a member this task can see,
 * when that is not the master's), " unbindable".
 * Analogous to the tagged fields of fs/proc_namespace.c:show_mountinfo().
 */
function taggedFields(m: Mount, root: Path): string {
  let out = '';
  if (isMntShared(m)) out += ` shared:${m.mnt_group_id}`;
  if (m.mnt_master) {
    const master = m.mnt_master.mnt_group_id;
    const dom = getDominatingId(m, root);
    out += ` master:${master}`;
    if (dom && dom !== master) out += ` propagate_from:${dom}`;
  }
  if (isMntUnbindable(m)) out += ' unbindable';
  return out;
}

/** The root field: the dentry's path, but nsfs shows its files by name ("user:[INUM]"). Analogous to fs/namespace.c:show_path() with nsfs_show_path(). */
function showPath(m: Mount): string {
  return m.mnt_sb.fstype === 'nsfs' ? m.mnt_root.name : dentryPath(m.mnt_root);
}

/**
 * One line per visible mount.
 * Analogous to fs/proc_namespace.c:show_mountinfo() (6.18).
 */
export function renderMountinfo(task: Task): string {
  const mounts = [...task.mnt_ns.mounts].sort((a, b) => a.mnt_id - b.mnt_id);
  let out = '';
  for (const m of mounts) {
    const where = pathFromRoot({ mnt: m, dentry: m.mnt_root }, task.root);
    if (where === null) continue; // SEQ_SKIP: outside the task's root
    const optional = taggedFields(m, task.root);
    out += `${m.mnt_id} ${m.mnt_parent.mnt_id} ${m.mnt_sb.s_dev} ${mangle(showPath(m))} ${mangle(where)} ${mountOptions(m)}${optional} - ${mangle(m.mnt_sb.fstype)} ${mangle(m.mnt_sb.source)} ${superOptions(m)}\n`;
  }
  return out;
}
