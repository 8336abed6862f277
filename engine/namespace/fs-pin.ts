// fs_pin (fs/fs_pin.c, ≤5.2 for mounts): a one-shot "kill me" hook. A mount's
// mnt_umount pin carries the reference the mount held for being mounted; the
// pin's kill, drop_mountpoint(), drops it. Once done, a pin can never be
// killed again, and group_pin_kill() only makes progress by killing.

import { hungTask, softLockup, traced } from '../kernel/kernel';
import { listDel } from '../kernel/list';
import type { FsPin, Kernel, Mount } from '../kernel/types';
import { mntputNoExpire } from './refs';

/** hlist_del_init(): unlink a node from whatever hlist it is on. */
function unlink(list: FsPin[] | null, p: FsPin): void {
  if (list) listDel(list, p);
}

/**
 * Link `p` at the head of `head` (if any) and of m->mnt_pins. Like the
 * kernel, it does not look at p->done. (The kernel does not check for a node
 * that is still linked either; the model moves it rather than corrupt a list.)
 * Analogous to fs/fs_pin.c:pin_insert_group() (v4.19).
 */
export function pinInsertGroup(k: Kernel, p: FsPin, m: Mount, head: FsPin[] | null): void {
  traced(k, 'pin_insert_group', () => {
    if (head) {
      unlink(p.s_list, p);
      head.unshift(p);
      p.s_list = head;
    }
    unlink(p.m_list?.mnt_pins ?? null, p);
    m.mnt_pins.unshift(p);
    p.m_list = m;
  });
}

/** Unlink both nodes and mark the pin done. Analogous to fs/fs_pin.c:pin_remove(). */
export function pinRemove(p: FsPin): void {
  unlink(p.s_list, p);
  p.s_list = null;
  unlink(p.m_list?.mnt_pins ?? null, p);
  p.m_list = null;
  p.done = 1;
}

/**
 * The mnt_umount pin's kill: put the old mountpoint, remove the pin, drop
 * the reference the pin carried. Analogous to fs/namespace.c:drop_mountpoint() (v4.19).
 */
function dropMountpoint(k: Kernel, p: FsPin): void {
  traced(k, 'drop_mountpoint', () => {
    const m = p.owner;
    m.mnt_ex_mountpoint = null; // dput()
    pinRemove(p);
    mntputNoExpire(k, m);
  });
}

/**
 * done 0: become the killer and run kill. done 1: return at once, leaving
 * the pin wherever it is linked. done -1: sleep until the killer finishes
 * (in this single-CPU model the killer is up our own stack: it never does).
 * Analogous to fs/fs_pin.c:pin_kill() (v4.19).
 */
export function pinKill(k: Kernel, p: FsPin): void {
  traced(k, 'pin_kill', () => {
    if (p.done === 0) {
      p.done = -1;
      dropMountpoint(k, p);
      return;
    }
    if (p.done === -1) hungTask(k);
  });
}

/**
 * Kill pins until the list is empty. It only progresses because each kill
 * unlinks its pin: a done pin at the head is killed forever.
 * Analogous to fs/fs_pin.c:group_pin_kill() and mnt_pin_kill() (v4.19).
 */
function killAll(k: Kernel, name: string, list: FsPin[]): void {
  traced(k, name, () => {
    while (list.length > 0) {
      const p = list[0]!;
      pinKill(k, p);
      if (list[0] === p && p.done === 1) {
        // The next iteration would call pin_kill(p) again, and again: the CPU
        // never leaves this loop. The watchdog sees it in pin_kill.
        traced(k, 'pin_kill', () => softLockup(k));
      }
    }
  });
}

export function groupPinKill(k: Kernel, head: FsPin[]): void {
  killAll(k, 'group_pin_kill', head);
}

export function mntPinKill(k: Kernel, m: Mount): void {
  killAll(k, 'mnt_pin_kill', m.mnt_pins);
}
