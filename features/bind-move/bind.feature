Feature: Bind mounts: the same filesystem seen at a second place
  Ported, in our own words, from LTP `testcases/kernel/syscalls/mount/mount05.c`
  (`MS_BIND`), LTP `testcases/kernel/fs/fs_bind` (`bind/fs_bind06.sh`
  "private child to private parent", `bind/fs_bind22.sh` "bind within same
  tree - root to child", `rbind/fs_bind_rbind35.sh` "rbind within same tree -
  root to child, child is private"), and gVisor `test/syscalls/linux/mount.cc`
  (`SimpleBind`, `BindToSelf`, `RecursiveBind`, `BindMountDirectoryOntoFileFails`).
  Only private mounts here: `fs_bind`'s shared, slave and unbindable variants
  are in `features/propagation/`.

  `mount --bind` is `mount(MS_BIND)`: `clone_mnt()` makes a new mount of the
  same superblock, rooted at the source's dentry. `--rbind` adds `MS_REC`, and
  `copy_tree()` clones every mount below the source too.

  - **Both places show the same files, both ways:** a bind is a second view of
    one filesystem, not a copy; what one side writes the other sees.
  - **The bind outlives the original mount:** unmounting `/mnt/a` leaves the
    bind at `/b` and the tmpfs under it, because the bind holds the superblock
    itself. A container's volume does not die with the host's mount point.
  - **A bind of a subdirectory shows only that subtree:** mountinfo's root
    field is `/sub`, and the table lists the bind as a tmpfs on `/` like any
    other mount.
  - **A plain bind does not carry submounts; `--rbind` does:** `/b/a` is the
    bare directory the child was mounted on, `/c/a` is the child again. The
    most common surprise with bind mounts.
  - **A directory can be bound onto itself:** that makes it a mount point
    (gVisor's `BindToSelf`), with the same files; unmounting it changes
    nothing visible.
  - **A bind stacks on a mount point like any mount:** it hides the tmpfs at
    `/b` until it is unmounted again.
  - **Binding a tree onto its own child copies it once:** the copy shows the
    child directory empty where the copy itself sits, so the tree does not
    recurse; a mount made later under the copy stays out of the original,
    because private mounts do not propagate.
  - **`--rbind` onto its own child does not recurse either:** `copy_tree()`
    copies `/mnt` and its child at `c1` before the copy is attached, so the
    copy's own `c2` is a bare directory.
  - **Errors:** a directory onto a file is `ENOTDIR`, which `mount(8)` reports
    as "mount point is not a directory."; `mount(8)` checks missing paths
    itself and names the one that is missing.

  Scenario: a bind mount shows the same files both ways
    When the shell session runs:
      """
      # mkdir /mnt/a /b
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f
      # mount --bind /mnt/a /b
      # ls /b
      # touch /b/g
      # ls /mnt/a
      """
    Then "mount --bind /mnt/a /b" succeeds
    And "ls /b" prints on stdout:
      """
      f
      """
    And "ls /mnt/a" prints on stdout:
      """
      f
      g
      """
    And after "mount --bind /mnt/a /b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /b tmpfs none on /
      """

  Scenario: a bind mount outlives the unmount of the mount it was made from
    When the shell session runs:
      """
      # mkdir /mnt/a /b
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f
      # mount --bind /mnt/a /b
      # umount /mnt/a
      # ls /b
      """
    Then "umount /mnt/a" succeeds
    And "ls /b" prints on stdout:
      """
      f
      """
    And after "umount /mnt/a" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b tmpfs none on /
      """

  Scenario: a bind of a subdirectory shows only that subtree
    When the shell session runs:
      """
      # mkdir -p /mnt/sub/d
      # touch /mnt/sub/f /mnt/top
      # mkdir /b
      # mount --bind /mnt/sub /b
      # ls /b
      # umount /b
      # ls /b
      """
    Then "mount --bind /mnt/sub /b" succeeds
    And the 1st "ls /b" prints on stdout:
      """
      d
      f
      """
    And after "mount --bind /mnt/sub /b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b tmpfs none on /
      """
    And "umount /b" succeeds
    And the 2nd "ls /b" prints nothing

  Scenario: a plain bind leaves submounts behind, a recursive bind carries them
    When the shell session runs:
      """
      # mkdir /mnt/a /b /c
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f
      # mount --bind /mnt /b
      # ls /b/a
      # mount --rbind /mnt /c
      # ls /c/a
      """
    Then "ls /b/a" prints nothing
    And "ls /c/a" prints on stdout:
      """
      f
      """
    And after "ls /c/a" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /b tmpfs none on /
      /c tmpfs none on /
      /c/a tmpfs none on /c
      """

  Scenario: binding a directory onto itself makes it a mount point
    When the shell session runs:
      """
      # mkdir /mnt/d
      # touch /mnt/d/f
      # mount --bind /mnt/d /mnt/d
      # ls /mnt/d
      # umount /mnt/d
      """
    Then "mount --bind /mnt/d /mnt/d" succeeds
    And "ls /mnt/d" prints on stdout:
      """
      f
      """
    And after "mount --bind /mnt/d /mnt/d" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/d tmpfs none on /mnt
      """
    And "umount /mnt/d" succeeds

  Scenario: a bind stacks on top of an existing mount until it is unmounted
    When the shell session runs:
      """
      # mkdir /mnt/a /b
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/one
      # mount -t tmpfs none /b
      # touch /b/two
      # mount --bind /mnt/a /b
      # ls /b
      # umount /b
      # ls /b
      """
    Then the 1st "ls /b" prints on stdout:
      """
      one
      """
    And after "mount --bind /mnt/a /b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /b tmpfs none on /
      /b tmpfs none on /b
      """
    And the 2nd "ls /b" prints on stdout:
      """
      two
      """

  Scenario: binding a tree onto its own child shows the child empty, and new mounts stay on their side
    When the shell session runs:
      """
      # mkdir -p /mnt/c1 /mnt/c2
      # mount --bind /mnt /mnt/c2
      # ls /mnt/c2
      # ls /mnt/c2/c2
      # mount -t tmpfs none /mnt/c2/c1
      # touch /mnt/c2/c1/f
      # ls /mnt/c1
      """
    Then "ls /mnt/c2" prints on stdout:
      """
      c1
      c2
      """
    And "ls /mnt/c2/c2" prints nothing
    And "ls /mnt/c1" prints nothing
    And after "touch /mnt/c2/c1/f" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/c2 tmpfs none on /mnt
      /mnt/c2/c1 tmpfs none on /mnt/c2
      """

  Scenario: a recursive bind onto its own child copies the submounts but not itself
    When the shell session runs:
      """
      # mkdir -p /mnt/c1 /mnt/c2
      # mount -t tmpfs none /mnt/c1
      # touch /mnt/c1/f
      # mount --rbind /mnt /mnt/c2
      # ls /mnt/c2/c1
      # ls /mnt/c2/c2
      """
    Then "mount --rbind /mnt /mnt/c2" succeeds
    And "ls /mnt/c2/c1" prints on stdout:
      """
      f
      """
    And "ls /mnt/c2/c2" prints nothing
    And after "mount --rbind /mnt /mnt/c2" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/c1 tmpfs none on /mnt
      /mnt/c2 tmpfs none on /mnt
      /mnt/c2/c1 tmpfs none on /mnt/c2
      """

  Scenario: bind mount errors name the path at fault
    When the shell session runs:
      """
      # mkdir /mnt/d
      # touch /mnt/f
      # mount --bind /mnt/d /mnt/f
      # mount --bind /nope /mnt/d
      # mount --bind /mnt/d /nope
      """
    Then "mount --bind /mnt/d /mnt/f" exits with status 32
    And "mount --bind /mnt/d /mnt/f" prints on stderr:
      """
      mount: /mnt/f: mount point is not a directory.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount --bind /nope /mnt/d" exits with status 32
    And "mount --bind /nope /mnt/d" prints on stderr:
      """
      mount: /mnt/d: special device /nope does not exist.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount --bind /mnt/d /nope" exits with status 32
    And "mount --bind /mnt/d /nope" prints on stderr:
      """
      mount: /nope: mount point does not exist.
             dmesg(1) may have more information after failed mount system call.
      """
    And after "mount --bind /mnt/d /nope" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """
