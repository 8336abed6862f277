Feature: umount and what keeps a mount busy
  Ported, in our own words, from LTP `testcases/kernel/syscalls/umount/umount01.c`
  (a plain unmount) and `umount02.c` (its errors: `EBUSY`, `ENOENT`, `EINVAL`),
  and from gVisor `test/syscalls/linux/mount.cc` (`MountTmpfs`, `OpenFileBusy`,
  `ActiveSubmountBusy`, `MountOverBusy`). All mounts here are private.

  `do_umount()` refuses a mount that anything but its being mounted and
  `umount(2)`'s own lookup still holds (`propagate_mount_busy()` against a
  count of 2), and a mount that has children at all. `umount(8)` turns the
  errno into its own words: `EBUSY` is "target is busy.", `EINVAL` is "not
  mounted.", `ENOENT` is "no mount point specified.". Each exits with
  status 32.

  - **Unmounting uncovers the directory:** the files written on the tmpfs go
    with it, and the table is back as it was. The baseline everything else
    is measured against.
  - **A child mount makes its parent busy:** the child must go first, whatever
    holds it; this is why tools unmount deepest-first.
  - **An open file inside makes it busy,** and closing it is all it takes: the
    count goes back to 2. A runtime that leaks an fd into a volume cannot
    unmount it.
  - **A cwd inside makes it busy,** just like a file.
  - **Another process's cwd counts too:** a nested shell that left the mount
    does not free it while the shell that started it still sits inside.
  - **A cwd in the directory under a mount pins nothing:** it holds the parent
    mount, so mounting over it and unmounting again both work, and `ls .`
    shows the covered directory, never the mount above it.
  - **A cwd in a child makes both busy:** the child by its cwd, the parent by
    its child.
  - **A file that is no mount point is `EINVAL`:** the path must be the root
    of a mount, not merely inside one.
  - **A path that does not exist is `ENOENT`:** the kernel's lookup fails
    before any mount is considered; `umount(8)`, which found no such mount
    point in mountinfo either, passes the name on as typed and words the errno
    as "no mount point specified.".

  Scenario: unmounting a tmpfs uncovers the directory it was mounted on
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f
      # ls /mnt/a
      # umount /mnt/a
      # ls /mnt/a
      """
    Then the 1st "ls /mnt/a" prints on stdout:
      """
      f
      """
    And "umount /mnt/a" succeeds
    And the 2nd "ls /mnt/a" prints nothing
    And after "umount /mnt/a" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """

  Scenario: a mount with a child mount is busy until the child is unmounted
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # umount /mnt
      # umount /mnt/a
      # umount /mnt
      """
    Then the 1st "umount /mnt" exits with status 32
    And the 1st "umount /mnt" prints on stderr:
      """
      umount: /mnt: target is busy.
      """
    And "umount /mnt/a" succeeds
    And the 2nd "umount /mnt" succeeds
    And after the 2nd "umount /mnt" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      """

  Scenario: an open file inside a mount keeps it busy until it is closed
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f
      # exec 3</mnt/a/f
      # umount /mnt/a
      # exec 3<&-
      # umount /mnt/a
      """
    Then the 1st "umount /mnt/a" exits with status 32
    And the 1st "umount /mnt/a" prints on stderr:
      """
      umount: /mnt/a: target is busy.
      """
    And the 2nd "umount /mnt/a" succeeds

  Scenario: the shell's cwd inside a mount keeps it busy until the shell leaves
    When the shell session runs:
      """
      # cd /mnt
      # umount /mnt
      # cd /
      # umount /mnt
      """
    Then the 1st "umount /mnt" exits with status 32
    And the 1st "umount /mnt" prints on stderr:
      """
      umount: /mnt: target is busy.
      """
    And the 2nd "umount /mnt" succeeds

  Scenario: the cwd of the shell that started a nested shell still pins the mount
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # cd /mnt/a
      # sh
      # cd /
      # umount /mnt/a
      # exit
      # umount /mnt/a
      # cd /
      # umount /mnt/a
      """
    Then "sh" starts a nested shell
    And the 1st "umount /mnt/a" exits with status 32
    And the 1st "umount /mnt/a" prints on stderr:
      """
      umount: /mnt/a: target is busy.
      """
    And the 2nd "umount /mnt/a" exits with status 32
    And the 3rd "umount /mnt/a" succeeds

  Scenario: a cwd in the directory under a mount point pins neither mount
    When the shell session runs:
      """
      # mkdir /mnt/a
      # cd /mnt/a
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f
      # ls
      # ls /mnt/a
      # umount /mnt/a
      """
    Then "mount -t tmpfs none /mnt/a" succeeds
    And "ls" prints nothing
    And "ls /mnt/a" prints on stdout:
      """
      f
      """
    And "umount /mnt/a" succeeds

  Scenario: a cwd in a child mount keeps both the child and its parent busy
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/b
      # mount -t tmpfs none /mnt/a/b
      # cd /mnt/a/b
      # umount /mnt/a/b
      # umount /mnt/a
      """
    Then "umount /mnt/a/b" exits with status 32
    And "umount /mnt/a/b" prints on stderr:
      """
      umount: /mnt/a/b: target is busy.
      """
    And "umount /mnt/a" exits with status 32
    And "umount /mnt/a" prints on stderr:
      """
      umount: /mnt/a: target is busy.
      """

  Scenario: umount of a file that is not a mount point is refused with EINVAL
    When the shell session runs:
      """
      # touch /mnt/f
      # umount /mnt/f
      """
    Then "umount /mnt/f" exits with status 32
    And "umount /mnt/f" prints on stderr:
      """
      umount: /mnt/f: not mounted.
      """

  Scenario: umount of a path that does not exist is refused with ENOENT
    When the shell session runs:
      """
      # umount /mnt/nope
      # umount nope
      """
    Then "umount /mnt/nope" exits with status 32
    And "umount /mnt/nope" prints on stderr:
      """
      umount: /mnt/nope: no mount point specified.
      """
    And "umount nope" exits with status 32
    And "umount nope" prints on stderr:
      """
      umount: nope: no mount point specified.
      """
