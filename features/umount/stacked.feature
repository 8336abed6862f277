Feature: Mounts stacked on one mount point
  Ported, in our own words, from gVisor `test/syscalls/linux/mount.cc`
  (`UmountMountsStackedOnDot`, `MountOverBusy`) and the stacking that LTP
  `testcases/kernel/fs/fs_bind` relies on between its steps.

  Mounting on a directory that is already a mount point does not replace the
  mount there: the new mount is mounted on the old one's root, and path
  lookup (`follow_mount()`) always walks to the top of the stack. So
  `umount(2)` of the path always finds the topmost mount, and each unmount
  uncovers the one below.

  - **Each mount hides the one below, and umount takes the top one:** the files
    come back layer by layer; once the stack is gone the path is "not
    mounted.".
  - **In mountinfo a stack is a chain:** each mount's parent is the mount below
    it, all at the same mount point; a tool that keys mounts by mount point
    alone sees three `/mnt` entries.
  - **`umount -l .` from below a stack peels it one mount at a time:** the
    cwd is the covered directory. `umount(8)` resolves `.` to `/mnt/a` and
    finds that in mountinfo, and the kernel's lookup of `/mnt/a` walks to the
    top of the stack each time (gVisor's test passes `.` to `umount2()`
    directly). Once the stack is gone, `.` goes to the kernel as typed: the
    covered directory, which is no mount's root.
  - **`umount .` at the root of a mount is busy, `umount -l .` is not:** the
    cwd that names the mount is itself a reference. `umount(8)` reports the
    mount point it found in mountinfo, not the `.` typed.

  Scenario: each mount on one directory hides the one below, and umount takes the top one
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/one
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/two
      # ls /mnt/a
      # umount /mnt/a
      # ls /mnt/a
      # umount /mnt/a
      # ls /mnt/a
      # umount /mnt/a
      """
    Then the 1st "ls /mnt/a" prints on stdout:
      """
      two
      """
    And the 2nd "ls /mnt/a" prints on stdout:
      """
      one
      """
    And the 3rd "ls /mnt/a" prints nothing
    And the 3rd "umount /mnt/a" exits with status 32
    And the 3rd "umount /mnt/a" prints on stderr:
      """
      umount: /mnt/a: not mounted.
      """

  Scenario: mountinfo shows a stack as a chain of mounts on the same mount point
    When the shell session runs:
      """
      # mount -t tmpfs none /mnt
      # mount -t tmpfs none /mnt
      # umount /mnt
      """
    Then after the 2nd "mount -t tmpfs none /mnt" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt tmpfs none on /mnt
      /mnt tmpfs none on /mnt
      """
    And after "umount /mnt" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt tmpfs none on /mnt
      """

  Scenario: umount -l . from the directory under a stack peels it one mount at a time
    When the shell session runs:
      """
      # mkdir /mnt/a
      # cd /mnt/a
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/one
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/two
      # umount -l .
      # ls /mnt/a
      # umount -l .
      # ls /mnt/a
      # umount -l .
      """
    Then the 1st "umount -l ." succeeds
    And the 1st "ls /mnt/a" prints on stdout:
      """
      one
      """
    And the 2nd "umount -l ." succeeds
    And the 2nd "ls /mnt/a" prints nothing
    And the 3rd "umount -l ." exits with status 32
    And the 3rd "umount -l ." prints on stderr:
      """
      umount: .: not mounted.
      """

  Scenario: umount . at the root of a mount is busy, umount -l . is not
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # cd /mnt/a
      # umount .
      # umount -l .
      """
    Then "umount ." exits with status 32
    And "umount ." prints on stderr:
      """
      umount: /mnt/a: target is busy.
      """
    And "umount -l ." succeeds
    And after "umount -l ." the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """
