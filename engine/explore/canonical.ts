// The canonical form of a model state: everything that can change what a
// later command does (mount trees, flags, counts, pins, peer groups,
// namespaces, files, tasks' fds, cwds and roots, the shells), with every id
// renumbered in the order a fixed walk meets it. Two command sequences that
// leave equal forms lead to the same futures, so the explorer keeps one.
// Left out on purpose: the kernel log and the id counters (ids are
// renumbered), and each shell's `$?` and line count, which change only
// what a later command prints, never what it does to the kernel.

import { createHash } from 'node:crypto';
import type { Dentry, File, FsPin, Kernel, MntNamespace, Mount, SuperBlock, Task, UserNamespace } from '../kernel/types';
import { dentryPath } from '../fs/super';
import type { ModelSession } from '../shell/session';

interface ShellRecord {
  readonly task: Task;
  readonly name: string;
  readonly posix: boolean;
  readonly tcwd: string | null;
}

/** What the explorer reads of a session besides its kernel. */
export function shellsOf(session: ModelSession): readonly ShellRecord[] {
  return (session as unknown as { shells: ShellRecord[] }).shells;
}

export function sessionFlags(session: ModelSession): { stuck: boolean; ended: boolean } {
  const s = session as unknown as { stuck: boolean; ended: boolean };
  return { stuck: s.stuck, ended: s.ended };
}

class Numbering<T> {
  private readonly ids = new Map<T, number>();
  readonly order: T[] = [];
  id(x: T): number {
    let n = this.ids.get(x);
    if (n === undefined) {
      n = this.order.length;
      this.ids.set(x, n);
      this.order.push(x);
    }
    return n;
  }
}

/** The canonical text of a session's state (for tests and debugging); `stateKey` hashes it. */
export function canonicalForm(session: ModelSession): string {
  const k: Kernel = session.kernel;
  const mounts = new Numbering<Mount>();
  const sbs = new Numbering<SuperBlock>();
  const nss = new Numbering<MntNamespace>();
  const userNss = new Numbering<UserNamespace>();
  const files = new Numbering<File>();
  const groups = new Numbering<number>();
  const out: string[] = [];
  const m = (x: Mount | null) => (x ? `m${mounts.id(x)}` : '-');
  const d = (x: Dentry | null) => (x ? dentryPath(x) : '-');
  const pin = (p: FsPin) => `${p.done}${p.s_list ? 'U' : ''}${p.m_list ? `@${m(p.m_list)}` : ''}`;

  const flags = sessionFlags(session);
  out.push(`S ${flags.stuck ? 'stuck' : ''}${flags.ended ? 'ended' : ''}`);
  const tasks = [...k.tasks.values()].filter((t) => !t.exited);
  const taskIndex = new Map(tasks.map((t, i) => [t, i]));
  for (const s of shellsOf(session)) out.push(`sh t${taskIndex.get(s.task) ?? '?'} ${s.name} ${s.posix ? 'posix' : ''} ${s.tcwd ?? '-'}`);
  for (const t of tasks) {
    const fds = [...t.files].sort(([a], [b]) => a - b).map(([fd, f]) => `${fd}:f${files.id(f)}`);
    out.push(`t ${t.comm} root=${m(t.root.mnt)}${d(t.root.dentry)} pwd=${m(t.pwd.mnt)}${d(t.pwd.dentry)} ns=n${nss.id(t.mnt_ns)} user=u${userNss.id(t.user_ns)} works=${t.task_works.length} fds=${fds.join(',')}`);
  }
  for (const t of tasks) for (const n of [t.mnt_ns]) m(n.root);
  // Every mount the tasks can reach is numbered by now or by the walk
  // below; the rest (unmounted, detached, leaked) in creation order.
  const describeMount = (x: Mount) => {
    const peers = x.mnt_share.next === x ? '' : ` peer=${m(x.mnt_share.next)}`;
    const group = x.mnt_group_id ? ` g${groups.id(x.mnt_group_id)}` : '';
    return (
      `${m(x)} sb=s${sbs.id(x.mnt_sb)} root=${d(x.mnt_root)} flags=${x.mnt_flags} count=${x.mnt_count}` +
      ` parent=${x.mnt_parent === x ? '-' : m(x.mnt_parent)} mp=${x.mnt_parent === x ? '-' : d(x.mnt_mountpoint)}` +
      ` kids=${x.mnt_mounts.map(m).join(',')} ${x.hashed ? 'H' : ''} ns=${x.mnt_ns ? `n${nss.id(x.mnt_ns)}` : '-'}${group}${peers}` +
      ` master=${m(x.mnt_master)} slaves=${x.mnt_slave_list.map(m).join(',')} over=${m(x.overmount)}` +
      ` pin=${pin(x.mnt_umount)} pins=${x.mnt_pins.map((p) => m(p.owner)).join(',')} ex=${d(x.mnt_ex_mountpoint)}` +
      ` stuck=${x.mnt_stuck_children.map(m).join(',')}${x.mnt_expiry_mark ? ' expiry' : ''}${x.freed ? ' FREED' : ''}`
    );
  };
  const fileLines: string[] = [];
  let fi = 0;
  const rest = [...k.mounts].sort((a, b) => a.mnt_id - b.mnt_id);
  let ri = 0;
  for (let i = 0; ; i++) {
    // Files first (they name mounts), then mounts in numbering order.
    for (; fi < files.order.length; fi++) {
      const f = files.order[fi]!;
      fileLines.push(`f${fi} ${m(f.f_path.mnt)}${d(f.f_path.dentry)} count=${f.f_count}${f.needUnmount ? ' NEED_UNMOUNT' : ''}${f.oPath ? ' O_PATH' : ''}`);
    }
    if (i >= mounts.order.length) {
      while (ri < rest.length && mounts.order.includes(rest[ri]!)) ri++;
      if (ri >= rest.length) break;
      m(rest[ri]!);
    }
    out.push(describeMount(mounts.order[i]!));
  }
  out.push(...fileLines);
  for (const [i, n] of nss.order.entries()) out.push(`n${i} ${n.anon ? 'anon' : ''} count=${n.count} root=${m(n.root)} user=u${userNss.id(n.user_ns)} size=${n.mounts.size}${n.freed ? ' FREED' : ''}`);
  for (const [i, u] of userNss.order.entries()) out.push(`u${i} level=${u.level} parent=${u.parent ? `u${userNss.id(u.parent)}` : '-'}`);
  for (const [i, s] of sbs.order.entries()) out.push(`s${i} ${s.fstype} ${s.source}${s.s_rdonly ? ' ro' : ''} user=u${userNss.id(s.s_user_ns)} ${s.fstype === 'proc' ? '' : tree(s.s_root)}`);
  const unowned = [...k.mnt_group_ida].filter((g) => !groups.order.includes(g)).length;
  out.push(`K emptied=${k.emptied_ns ? `n${nss.id(k.emptied_ns)}` : '-'} unmounted=${k.unmounted.length}/${k.unmountedMounts.length} ida-unowned=${unowned} namespaces=${k.namespaces.size}`);
  return out.join('\n');
}

function tree(dentry: Dentry): string {
  if (dentry.children.size === 0) return dentry.kind === 'dir' ? dentry.name : `${dentry.name}*`;
  return `${dentry.name}(${[...dentry.children.values()].map(tree).sort().join(' ')})`;
}

/** The state's key in the visited set: a SHA-1 of the canonical form (20 bytes, base64). */
export function stateKey(session: ModelSession): string {
  return createHash('sha1').update(canonicalForm(session)).digest('base64');
}
