// Unmounting under a shared parent: which of the mounts that received
// propagation along with the ones being unmounted go too. After Al Viro's
// rewrite (6.17, "Rewrite of propagate_umount()"; the rules are in
// Documentation/filesystems/propagate_umount.txt): the candidates are the
// mounts at the same mountpoint under every mount the parent propagates
// to; a candidate stays if anything but a full overmount is mounted on it
// ("non-shifting"), and that keeps its ancestors too; a locked candidate
// goes only along with its parent ("non-revealing"). What stays on top of
// a candidate that goes slides down into its place ("reparent").
//
// v4.19 had the earlier algorithm (__propagate_umount(), MNT_MARKED,
// umount_list and its own reparenting); the two agree on the cases the
// shell dialect can build (no locked mounts), and the model uses 6.18's
// for every variant.

import { MNT_LOCKED, MNT_UMOUNT, T_MARKED, T_UMOUNT_CANDIDATE } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Kernel, Mount } from '../kernel/types';
import { lookupMnt } from '../namespace/lookup-mnt';
import { mntChangeMountpoint, removeChild } from '../namespace/tree';
import { propagationNext, skipPropagationSubtree } from './propagation-next';

const isCandidate = (m: Mount) => (m.mnt_t_flags & T_UMOUNT_CANDIDATE) !== 0;
const willBeUnmounted = (m: Mount) => (m.mnt_flags & MNT_UMOUNT) !== 0;
const isMarked = (m: Mount) => (m.mnt_t_flags & T_MARKED) !== 0;
const isLocked = (m: Mount) => (m.mnt_flags & MNT_LOCKED) !== 0;

/** The list a mount is on (its mnt_list, reused for the set, to_umount and candidates lists). */
type List = Mount[];

/**
 * The candidates list, head first. Entries leave it from anywhere
 * (remove_from_candidate_list()), and an entry's T_UMOUNT_CANDIDATE is
 * always clear once it has left. Both walks of the list (trim_one() on
 * each, then handle_locked() on the first until it is empty) treat an entry
 * with that bit clear by removing it, which changes nothing once it has
 * left: so the model walks the array in order, and leaving is clearing the
 * bits. (A Set deleted from cost a tenth of an unmount under 1,000 peers.)
 */
type Candidates = Mount[];

/**
 * Committed: flag it, hide it from its parent's children, take it out of
 * its namespace's tree (umount_tree() clears mnt_ns), queue it.
 * Analogous to fs/pnode.c:umount_one() (6.18).
 */
function umountOne(m: Mount, toUmount: List): void {
  m.mnt_flags |= MNT_UMOUNT;
  removeChild(m); // list_del_init(&m->mnt_child)
  toUmount.push(m);
}

/** Off the list (Candidates says why clearing the bits is enough). Analogous to fs/pnode.c:remove_from_candidate_list() (6.18). */
function removeFromCandidateList(m: Mount): void {
  m.mnt_t_flags &= ~(T_MARKED | T_UMOUNT_CANDIDATE);
}

/**
 * For each mount of the set, the mount at its mountpoint under everything
 * its parent propagates to; each is flagged a candidate and, unless it is
 * already being unmounted, put at the head of the candidates list. A child
 * that is a candidate already means the rest below that q has been seen.
 * Analogous to fs/pnode.c:gather_candidates() (6.18).
 */
function gatherCandidates(k: Kernel, set: List): Candidates {
  const found: Mount[] = [];
  for (const m of set) {
    if (isCandidate(m)) continue;
    m.mnt_t_flags |= T_UMOUNT_CANDIDATE;
    const p = m.mnt_parent;
    let q = propagationNext(p, p);
    while (q) {
      const child = lookupMnt(k, q, m.mnt_mountpoint);
      if (child) {
        if (isCandidate(child)) {
          q = skipPropagationSubtree(q, p);
          continue;
        }
        child.mnt_t_flags |= T_UMOUNT_CANDIDATE;
        if (!willBeUnmounted(child)) found.push(child); // list_add(): at the head, so the list is `found` reversed
      }
      q = propagationNext(q, p);
    }
  }
  for (const m of set) m.mnt_t_flags &= ~T_UMOUNT_CANDIDATE;
  return found.reverse();
}

/**
 * Some child of `m` stays, so m stays; and so does each candidate ancestor
 * up the chain, except where the chain is a stack of full overmounts.
 * Analogous to fs/pnode.c:trim_ancestors() (6.18).
 */
function trimAncestors(m: Mount): void {
  for (let p = m.mnt_parent; isCandidate(p); m = p, p = p.mnt_parent) {
    if (isMarked(m)) return; // all candidates beneath are overmounts
    m.mnt_t_flags |= T_MARKED;
    if (m !== p.overmount) p.mnt_t_flags &= ~T_UMOUNT_CANDIDATE;
  }
}

/**
 * Settle `m` if its children allow: a non-candidate child other than the
 * overmount keeps it (and its ancestors); an unlocked m with no children
 * left goes now. Only m itself may leave the list here.
 * Analogous to fs/pnode.c:trim_one() (6.18).
 */
function trimOne(m: Mount, toUmount: List): void {
  if (!isCandidate(m)) {
    // trim_ancestors() left it on list
    removeFromCandidateList(m);
    return;
  }
  let removeThis = false;
  let found = false;
  let umountThis = false;
  for (const n of m.mnt_mounts) {
    if (!isCandidate(n)) {
      found = true;
      if (n !== m.overmount) {
        removeThis = true;
        break;
      }
    }
  }
  if (found) {
    trimAncestors(m);
  } else if (!isLocked(m) && m.mnt_mounts.length === 0) {
    removeThis = true;
    umountThis = true;
  }
  if (removeThis) {
    removeFromCandidateList(m);
    if (umountThis) umountOne(m, toUmount);
  }
}

/**
 * Unmount the candidate `m` with the chain of candidate ancestors above it,
 * up to (not including) the first locked one whose parent stays.
 * Analogous to fs/pnode.c:handle_locked() (6.18).
 */
function handleLocked(m: Mount, toUmount: List): void {
  let cutoff = m;
  if (!isCandidate(m)) {
    // trim_ancestors() left it on list
    removeFromCandidateList(m);
    return;
  }
  let p = m;
  for (; isCandidate(p); p = p.mnt_parent) {
    removeFromCandidateList(p);
    if (!isLocked(p)) cutoff = p.mnt_parent;
  }
  if (willBeUnmounted(p)) cutoff = p;
  while (m !== cutoff) {
    umountOne(m, toUmount);
    m = m.mnt_parent;
  }
}

/**
 * `m` stays, but what it sits on goes: slide it down the stack to where
 * the lowest mount going away was attached. (The stack's mounts are
 * detached from that parent by umount_tree() right after.)
 * Analogous to fs/pnode.c:reparent() (6.18).
 */
function reparent(k: Kernel, m: Mount): void {
  let p = m;
  let mp;
  do {
    mp = p.mnt_mountpoint;
    p = p.mnt_parent;
  } while (willBeUnmounted(p));
  mntChangeMountpoint(k, p, mp, m);
}

/**
 * Add to `set` (the mounts umount_tree() gathered, already flagged
 * MNT_UMOUNT and hidden from their parents) every mount that received
 * propagation along with them and has nothing keeping it.
 * Analogous to fs/pnode.c:propagate_umount() (6.18).
 */
export function propagateUmount(k: Kernel, set: List): void {
  traced(k, 'propagate_umount', () => {
    const toUmount: List = []; // committed to unmounting
    // collect all candidates
    const candidates = gatherCandidates(k, set); // undecided umount candidates
    // reduce the set until it's non-shifting (list_for_each_entry_safe():
    // trim_one() takes only m itself off the list)
    for (const m of candidates) trimOne(m, toUmount);
    // ... and non-revealing: while (!list_empty()) handle_locked(first
    // entry); handle_locked() always takes m off (with some of the entries
    // after it), so the next first entry is the next one still on the
    // list, and one already off is left alone (Candidates)
    for (const m of candidates) handleLocked(m, toUmount);
    // now toUmount consists of all acceptable candidates;
    // deal with reparenting of remaining overmounts on those
    for (const m of toUmount) if (m.overmount) reparent(k, m.overmount);
    // and fold them into the set
    for (const m of toUmount) set.push(m); // list_splice_tail_init() (a spread would overflow the stack on a long list)
  });
}
