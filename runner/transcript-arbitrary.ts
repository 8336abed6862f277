// Random transcripts from the dialect, for the differential fuzzer: mkdir,
// tmpfs/bind/rbind/move mounts, bind remounts (ro, nosuid, atime...), propagation changes (--make-[r]shared,
// slave, private, unbindable), umount with and without -l or -f, umount2
// with any of MNT_DETACH, MNT_FORCE, MNT_EXPIRE, UMOUNT_NOFOLLOW, cd, fds opened,
// closed and dup'ed, open_tree_clone (-r) and open_tree into nested shells and exit,
// unshare -m and -Urm into nested shells in new namespaces, move_mount (with
// -p, -t, --beneath, --set-group and the symlink flags), mount_setattr and
// open_tree_attr with random struct mount_attr SPECs, ls and mountinfo; fs
// contexts (fsopen, fspick into nested shells, fsconfig's parameters and
// commands, fsread, fsmount), statmount and listmount. Paths come from a small pool under /mnt so
// that commands keep meeting each other's mounts.

import fc from 'fast-check';

const DIRS = ['/mnt', '/mnt/a', '/mnt/b', '/mnt/a/c', '/mnt/b/d', '.', '..', '/proc/self/fd/3', '/proc/self/fd/4'] as const;
const FDS = [3, 4, 5] as const;

const dir = fc.constantFrom(...DIRS);
const target = fc.constantFrom(...DIRS.filter((d) => d.startsWith('/mnt')));
const fd = fc.constantFrom(...FDS);

/** One command line; `nested` tells the generator a shell was started. */
type Step = { readonly line: string; readonly nested?: 'open' | 'close' };

const PROPAGATION = ['shared', 'slave', 'private', 'unbindable'] as const;
/** What a bind remount may say: per-mount flags set and cleared, atime modes. */
const REMOUNT_OPTIONS = ['ro', 'rw', 'nosuid', 'suid', 'nodev', 'noexec', 'noatime', 'strictatime', 'relatime', 'nosymfollow', 'symfollow'] as const;
/** SPEC items of mount_setattr and open_tree_attr: flags set and cleared, the atime enum (right and wrong), propagation, idmap, unknown bits. */
const ATTR_ITEMS = [
  '+ro', '-ro', '+nosuid', '-nosuid', '+nodev', '-nodev', '+noexec', '-noexec', '+nodiratime', '-nodiratime', '+nosymfollow', '-nosymfollow',
  '-atime', '+noatime', '+strictatime', 'shared', 'slave', 'private', 'unbindable', '-idmap', '+idmap:5', '+0x400000',
] as const;
const attrSpec = fc.subarray([...ATTR_ITEMS], { minLength: 0, maxLength: 3 }).map((items) => items.join(','));
/** move_mount's options besides -p and -t. */
const MOVE_MOUNT_OPTIONS = ['--beneath', '--set-group', '--f-symlinks', '--t-symlinks'] as const;
/** unshare's --propagation words; null: its default (private). */
const UNSHARE_PROPAGATION = [null, 'unchanged', 'slave', 'shared', 'private'] as const;

/** fsconfig's parameters, good and bad values alike (tmpfs's, proc's, the VFS's). */
const FS_PARAMS: readonly string[] = [
  'size 1M', 'size 4097', 'size 0', 'size 1X', 'size 0x1000', 'nr_inodes 2', 'nr_inodes 0', 'nr_inodes 100', 'mode 700', 'mode 8',
  'uid 1000', 'uid x', 'gid 5', 'hidepid 2', 'hidepid 9', 'subset pid', 'subset foo', 'source mine', 'ro x', 'foo bar',
];
const FS_FLAGS = ['ro', 'rw', 'size', 'foo', 'source'] as const;
const FSMOUNT_ATTRS = ['rdonly', 'nosuid', 'noexec', 'noatime', 'strictatime', 'nodiratime', 'nosymfollow'] as const;

/** The fs-context and statmount programs. */
const mountApiCommand: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom('', '-c '), fc.constantFrom('tmpfs', 'tmpfs', 'proc', 'nosuchfs'), fd).map(([c, fs, n]) => ({ line: `fsopen ${c}${fs} ${n} sh`, nested: 'open' as const })),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', '-s '), dir, fd).map(([s, d, n]) => ({ line: `fspick ${s}${d} ${n} sh`, nested: 'open' as const })) },
  { weight: 3, arbitrary: fc.tuple(fd, fc.constantFrom(...FS_PARAMS)).map(([n, p]) => ({ line: `fsconfig ${n} set_string ${p}` })) },
  { weight: 1, arbitrary: fc.tuple(fd, fc.constantFrom(...FS_FLAGS)).map(([n, f]) => ({ line: `fsconfig ${n} set_flag ${f}` })) },
  { weight: 3, arbitrary: fc.tuple(fd, fc.constantFrom('create', 'create', 'create_excl', 'reconfigure')).map(([n, c]) => ({ line: `fsconfig ${n} ${c}` })) },
  { weight: 1, arbitrary: fd.map((n) => ({ line: `fsread ${n}` })) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.subarray([...FSMOUNT_ATTRS], { maxLength: 2 }), fd, fd).map(([attrs, n, m]) => ({
      line: `fsmount ${attrs.length ? `-o ${attrs.join(',')} ` : ''}${n} ${m} sh`,
      nested: 'open' as const,
    })),
  },
  { weight: 1, arbitrary: fc.tuple(fd, fd, target).map(([n, m, d]) => ({ line: `fsmount ${n} ${m} move_mount ${m} ${d}` })) },
  { weight: 1, arbitrary: dir.map((d) => ({ line: `statmount ${d}` })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', '-r '), fc.constantFrom('', ...DIRS)).map(([r, d]) => ({ line: `listmount ${r}${d}`.trimEnd() })) },
);

const command: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: mountApiCommand },
  { weight: 3, arbitrary: fc.tuple(fc.boolean(), fc.constantFrom(...PROPAGATION), dir).map(([r, type, d]) => ({ line: `mount --make-${r ? 'r' : ''}${type} ${d}` })) },
  { weight: 3, arbitrary: target.map((d) => ({ line: `mkdir -p ${d}` })) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.subarray([...REMOUNT_OPTIONS], { minLength: 1, maxLength: 3 }), dir).map(([options, d]) => ({ line: `mount -o remount,bind,${options.join(',')} ${d}` })),
  },
  { weight: 3, arbitrary: target.map((d) => ({ line: `mount -t tmpfs none ${d}` })) },
  { weight: 2, arbitrary: fc.tuple(dir, target).map(([s, d]) => ({ line: `mount --bind ${s} ${d}` })) },
  { weight: 1, arbitrary: fc.tuple(dir, target).map(([s, d]) => ({ line: `mount --rbind ${s} ${d}` })) },
  { weight: 2, arbitrary: fc.tuple(dir, target).map(([s, d]) => ({ line: `mount --move ${s} ${d}` })) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('', '-l ', '-f '), dir).map(([option, d]) => ({ line: `umount ${option}${d}` })) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.subarray(['-l', '-f', '-e', '-n']), dir).map(([flags, d]) => ({ line: `umount2 ${[...flags, d].join(' ')}` })),
  },
  { weight: 2, arbitrary: fc.constantFrom(...DIRS, '/').map((d) => ({ line: `cd ${d}` })) },
  { weight: 2, arbitrary: fc.tuple(fd, dir).map(([n, d]) => ({ line: `exec ${n}<${d}` })) },
  { weight: 2, arbitrary: fd.map((n) => ({ line: `exec ${n}<&-` })) },
  { weight: 1, arbitrary: fc.tuple(fd, fd).map(([n, m]) => ({ line: `exec ${n}<&${m}` })) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom('open_tree_clone', 'open_tree_clone -r', 'open_tree'), fd, target).map(([helper, n, d]) => ({ line: `${helper} ${n}<${d} ${n} sh`, nested: 'open' as const })),
  },
  { weight: 3, arbitrary: fc.tuple(fd, target).map(([n, d]) => ({ line: `move_mount ${n} ${d}` })) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('-m', '-Urm'), fc.constantFrom(...UNSHARE_PROPAGATION)).map(([options, p]) => ({
      line: `unshare ${options}${p ? ` --propagation ${p}` : ''}`,
      nested: 'open' as const,
    })),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.subarray(['-r', '-n']), fc.oneof(dir, fd.map((n) => `-e ${n}`)), attrSpec).map(([options, where, spec]) => ({
      line: ['mount_setattr', ...options, where, ...(spec ? [spec] : [])].join(' '),
    })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('-c ', '-c -r ', ''), fd, target, fc.oneof(attrSpec.filter((spec) => spec !== ''), fc.constant('-'))).map(([options, n, d, spec]) => ({
      line: `open_tree_attr ${options}${n} ${spec} sh ${n}<${d}`,
      nested: 'open' as const,
    })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.subarray([...MOVE_MOUNT_OPTIONS], { maxLength: 2 }), fc.boolean(), fc.boolean(), fd, dir, fd, target)
      .map(([options, fromPath, toFd, n, from, m, to]) => ({
        line: ['move_mount', ...(fromPath ? ['-p'] : []), ...(toFd ? ['-t'] : []), ...options, fromPath ? from : `${n}`, toFd ? `${m}` : to].join(' '),
      })),
  },
  { weight: 1, arbitrary: fd.map((n) => ({ line: `exec ${n}</proc/self/ns/user` })) },
  { weight: 1, arbitrary: dir.map((d) => ({ line: `ls ${d}` })) },
  { weight: 1, arbitrary: fc.constant({ line: 'cat /proc/self/mountinfo' }) },
  { weight: 2, arbitrary: fc.constant({ line: 'exit', nested: 'close' as const }) },
);

/** A transcript of 1..maxLength lines; `exit` only where a nested shell is open. */
export function transcriptArbitrary(maxLength = 12): fc.Arbitrary<string[]> {
  return fc.array(command, { minLength: 1, maxLength }).map((steps) => {
    let depth = 0;
    const lines: string[] = [];
    for (const step of steps) {
      if (step.nested === 'close') {
        if (depth === 0) continue;
        depth--;
      }
      if (step.nested === 'open') depth++;
      lines.push(step.line);
    }
    return lines.length ? lines : ['ls /mnt'];
  });
}
