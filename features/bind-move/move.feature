Feature: mount --move: a mount changes place, with all it carries
  Ported, in our own words, from LTP `testcases/kernel/syscalls/mount/mount06.c`
  (`MS_MOVE`), LTP `testcases/kernel/fs/fs_bind` (`move/fs_bind_move06.sh`
  "private subtree to private parent", `regression/test03` "move unshared
  directory to unshare mountpoint"), and gVisor `test/syscalls/linux/mount.cc`
  (`MountMoveSuccess`, `MountMoveSourceNotMounted`). The cases under a shared
  parent (`MountMoveSharedParent`, `fs_bind` `move/test01`-`test05`,
  `test09`-`test17`, `test21`, `test22`) are about shared subtrees: see
  `features/propagation/move.feature`.

  `mount --move` is `mount(MS_MOVE)`, which `do_move_mount()` shares with
  `move_mount(2)`: the source must be the root of a mount (`path_mounted()`,
  else `EINVAL`), and the target must not lie inside the tree being moved
  (`ELOOP`). The mount keeps its identity: whoever holds it, holds it at the
  new place.

  - **The files follow the mount:** the old place shows the directory that was
    covered, the new place the tmpfs, and the table has one mount, moved.
  - **A moved mount carries its submounts:** the whole subtree goes, still
    attached below it (`fs_bind`'s regression test 3).
  - **Only a mount's root can be moved:** a plain directory is `EINVAL`,
    which `mount(8)` words as "wrong fs type, bad option, bad superblock"; this
    is the errno to expect when a mount point was already unmounted under you.
  - **A mount cannot move into itself:** onto its own child, or onto a
    directory inside it, is `ELOOP`, which `mount(8)` prints as "Too many
    levels of symbolic links". Moving `/` anywhere in the tree is the same
    case.
  - **On a stack, only the top mount moves:** the mount below stays where it
    is, uncovered.
  - **A cwd inside goes with the mount:** the mount is busy at its new place,
    and `..` from the cwd is still the moved tmpfs's root.
  - **Missing paths** are named by `mount(8)`, which checks them itself.

  Scenario: a moved mount takes its files with it and uncovers the old place
    When the shell session runs:
      """
      # mkdir /mnt/a /b
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f
      # mount --move /mnt/a /b
      # ls /mnt/a
      # ls /b
      """
    Then "mount --move /mnt/a /b" succeeds
    And "ls /mnt/a" prints nothing
    And "ls /b" prints on stdout:
      """
      f
      """
    And after "mount --move /mnt/a /b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b tmpfs none on /
      """

  Scenario: a moved mount carries its submounts along
    When the shell session runs:
      """
      # mkdir /mnt/d1 /mnt/d2
      # mount -t tmpfs none /mnt/d1
      # mkdir /mnt/d1/a
      # mount -t tmpfs none /mnt/d1/a
      # touch /mnt/d1/a/f
      # mount --move /mnt/d1 /mnt/d2
      # ls /mnt/d2/a
      """
    Then "mount --move /mnt/d1 /mnt/d2" succeeds
    And "ls /mnt/d2/a" prints on stdout:
      """
      f
      """
    And after "mount --move /mnt/d1 /mnt/d2" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/d2 tmpfs none on /mnt
      /mnt/d2/a tmpfs none on /mnt/d2
      """

  Scenario: moving a directory that is not the root of a mount is refused with EINVAL
    When the shell session runs:
      """
      # mkdir -p /mnt/a/s /b
      # mount --move /mnt/a /b
      """
    Then "mount --move /mnt/a /b" exits with status 32
    And "mount --move /mnt/a /b" prints on stderr:
      """
      mount: /b: wrong fs type, bad option, bad superblock on /mnt/a, missing codepage or helper program, or other error.
             dmesg(1) may have more information after failed mount system call.
      """

  Scenario: moving a mount into itself is refused with ELOOP
    When the shell session runs:
      """
      # mkdir /mnt/a /b
      # mount --move /mnt /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/x
      # mount --move /mnt/a /mnt/a/x
      # mount --move / /b
      """
    Then "mount --move /mnt /mnt/a" exits with status 32
    And "mount --move /mnt /mnt/a" prints on stderr:
      """
      mount: /mnt/a: mount(2) system call failed: Too many levels of symbolic links.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount --move /mnt/a /mnt/a/x" exits with status 32
    And "mount --move /mnt/a /mnt/a/x" prints on stderr:
      """
      mount: /mnt/a/x: mount(2) system call failed: Too many levels of symbolic links.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount --move / /b" exits with status 32
    And "mount --move / /b" prints on stderr:
      """
      mount: /b: mount(2) system call failed: Too many levels of symbolic links.
             dmesg(1) may have more information after failed mount system call.
      """
    And after "mount --move / /b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      """

  Scenario: moving a stacked mount point moves only the top mount
    When the shell session runs:
      """
      # mkdir /mnt/a /b
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/one
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/two
      # mount --move /mnt/a /b
      # ls /mnt/a
      # ls /b
      """
    Then "mount --move /mnt/a /b" succeeds
    And "ls /mnt/a" prints on stdout:
      """
      one
      """
    And "ls /b" prints on stdout:
      """
      two
      """
    And after "mount --move /mnt/a /b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /b tmpfs none on /
      """

  Scenario: a cwd inside a moved mount moves with it and keeps it busy there
    When the shell session runs:
      """
      # mkdir /mnt/a /b
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/d
      # cd /mnt/a/d
      # mount --move /mnt/a /b
      # ls ..
      # umount /b
      # cd /
      # umount /b
      """
    Then "mount --move /mnt/a /b" succeeds
    And "ls .." prints on stdout:
      """
      d
      """
    And the 1st "umount /b" exits with status 32
    And the 1st "umount /b" prints on stderr:
      """
      umount: /b: target is busy.
      """
    And the 2nd "umount /b" succeeds

  Scenario: mount --move names a missing source or target
    When the shell session runs:
      """
      # mkdir /b
      # mount --move /mnt/nope /b
      # mount --move /mnt /nope
      """
    Then "mount --move /mnt/nope /b" exits with status 32
    And "mount --move /mnt/nope /b" prints on stderr:
      """
      mount: /b: special device /mnt/nope does not exist.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount --move /mnt /nope" exits with status 32
    And "mount --move /mnt /nope" prints on stderr:
      """
      mount: /nope: mount point does not exist.
             dmesg(1) may have more information after failed mount system call.
      """
