Feature: Unmounting the root
  No suite unmounts a live root for its own sake, but two come close: gVisor
  `test/syscalls/linux/mount.cc` (`MountReadonly`) checks that writes to a
  read-only mount fail with `EROFS`, and the kernel selftest
  `tools/testing/selftests/filesystems/move_mount/move_mount_test.c`
  (`beneath_rootfs_*`) detaches the old root with `umount2(".", MNT_DETACH)`.
  Here both happen to `/` itself, in the throwaway namespace.

  `do_umount()` has a special case for the caller's own root, quoted from
  `fs/namespace.c`: "Special case for "unmounting" root ... we just try to
  remount it readonly." Without `MNT_DETACH` nothing is unmounted at all.

  - **`umount /` remounts the root read-only and succeeds:** creating anything
    afterwards fails with `EROFS`, while reading still works. A script that
    means to unmount something else and passes `/` by mistake (an empty
    variable) makes the system read-only instead of failing.
  - **`umount -l /` detaches the whole tree:** the shell keeps its root and
    cwd in the detached tree and can still write there, but `/proc` and `/mnt`
    were mounts of that tree and are gone from its paths, so
    `/proc/self/mountinfo` cannot be read, `mount` cannot list anything, and
    the old mount points are "not mounted.".

  Scenario: umount / remounts the root read-only instead of unmounting it
    When the shell session runs:
      """
      # umount /
      # touch /x
      # mkdir /y
      # ls /
      """
    Then "umount /" succeeds
    And "touch /x" exits with status 1
    And "touch /x" prints on stderr:
      """
      touch: cannot touch '/x': Read-only file system
      """
    And "mkdir /y" exits with status 1
    And "mkdir /y" prints on stderr:
      """
      mkdir: cannot create directory '/y': Read-only file system
      """
    And "ls /" prints on stdout:
      """
      bin
      lib
      lib64
      mnt
      proc
      run
      """
    And after "ls /" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """

  Scenario: umount -l / detaches the whole tree and the shell keeps working in it
    When the shell session runs:
      """
      # touch /mnt/f
      # umount -l /
      # ls /mnt
      # cat /proc/self/mountinfo
      # mount
      # umount /mnt
      # mkdir /x
      """
    Then "umount -l /" succeeds
    And "ls /mnt" prints nothing
    And "cat /proc/self/mountinfo" exits with status 1
    And "cat /proc/self/mountinfo" prints on stderr:
      """
      cat: /proc/self/mountinfo: No such file or directory
      """
    And "mount" exits with status 2
    And "mount" prints on stderr:
      """
      mount: failed to read mtab: No such file or directory
      """
    And "umount /mnt" exits with status 32
    And "umount /mnt" prints on stderr:
      """
      umount: /mnt: not mounted.
      """
    And "mkdir /x" succeeds
