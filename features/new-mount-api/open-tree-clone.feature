Feature: open_tree(OPEN_TREE_CLONE): what a detached clone holds
  Ported, in our own words, from LTP `testcases/kernel/syscalls/open_tree/open_tree01.c`
  (clone, attach with `move_mount`, unmount) and the kernel selftest
  `tools/testing/selftests/mount_setattr/mount_setattr_test.c`
  (`open_tree_detached`, `open_tree_subfolder`,
  `mount_detached_mount_on_detached_mount_then_close`). The helper
  `open_tree_clone N<P N sh` calls `open_tree(N, "", OPEN_TREE_CLONE |
  AT_EMPTY_PATH)` without `AT_RECURSIVE`, so each clone is one mount;
  `open_tree_clone -r` adds `AT_RECURSIVE`, as LTP's `open_tree01.c` and the
  selftests' `open_tree_detached` ask for, and the clone is the whole tree.

  `open_tree(OPEN_TREE_CLONE)` runs `__do_loopback()`, the same code as
  `mount --bind`, but attaches the copy nowhere: since 5.2 it is the root of
  an anonymous mount namespace of its own, reachable only through the file it
  returns (`/proc/self/fd/3` here).

  - **Without `AT_RECURSIVE` the clone has no submounts:** like a plain bind,
    the directory a child was mounted on is bare in the clone, and stays bare
    once the clone is attached.
  - **With `AT_RECURSIVE` the clone carries the submounts:** `copy_tree()`
    instead of `clone_mnt()`; the submounts come along into the detached tree
    and `move_mount` attaches them with it. The clone stays a copy: its
    submounts are new mounts, and the originals stay where they were.
  - **A clone of a subdirectory is rooted there:** it shows only that subtree
    (mountinfo's root field `/sub`), as the selftest's `open_tree_subfolder`
    attaches.
  - **`..` at a clone's root stays there:** a detached tree has no parent, and
    `cd` into it gives bash a `$PWD` that still names it.
  - **A clone outlives the mount it was cloned from:** it holds the
    superblock, not the source mount, so the source is not busy and unmounts;
    the clone still shows the files and can be attached afterwards.
  - **The clone takes no reference on its source** (model internals): the
    source's `mnt_count` stays at the 1 of being mounted.
  - **A lazily unmounted mount cannot be cloned:** `__do_loopback()` refuses a
    mount that is no longer mounted (`EINVAL`), even through an fd that still
    holds it.
  - **A clone can be cloned (6.15+):** `open_tree()` accepts a detached tree
    from the caller's namespace as its source. ver #12, on v4.19, lets
    `__do_loopback()` copy only mounts of the caller's own namespace, and its
    clone is in none: `EINVAL`. That is the 2018 code path, not a bug of the
    thread, hence the `@fails-on` tags.

  Scenario: a clone made without AT_RECURSIVE leaves the submounts behind
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/t
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f /mnt/top
      # open_tree_clone 3</mnt 3 sh
      # ls /proc/self/fd/3
      # ls /proc/self/fd/3/a
      # move_mount 3 /mnt/t
      # ls /mnt/t/a
      """
    Then "open_tree_clone 3</mnt 3 sh" starts a nested shell
    And "ls /proc/self/fd/3" prints on stdout:
      """
      a
      t
      top
      """
    And "ls /proc/self/fd/3/a" prints nothing
    And "move_mount 3 /mnt/t" succeeds
    And "ls /mnt/t/a" prints nothing
    And after "move_mount 3 /mnt/t" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /mnt/t tmpfs none on /mnt
      """

  Scenario: a clone made with AT_RECURSIVE carries the submounts, and move_mount attaches them all
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/t
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f
      # open_tree_clone -r 3</mnt 3 sh
      # ls /proc/self/fd/3/a
      # move_mount 3 /mnt/t
      # ls /mnt/t/a
      # exit
      """
    Then "open_tree_clone -r 3</mnt 3 sh" starts a nested shell
    And "ls /proc/self/fd/3/a" prints on stdout:
      """
      f
      """
    And "ls /mnt/t/a" prints on stdout:
      """
      f
      """
    And after "move_mount 3 /mnt/t" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /mnt/t tmpfs none on /mnt
      /mnt/t/a tmpfs none on /mnt/t
      """

  Scenario: a clone of a subdirectory is rooted at that subdirectory
    When the shell session runs:
      """
      # mkdir -p /mnt/sub/d /b
      # touch /mnt/sub/f
      # open_tree_clone 3</mnt/sub 3 sh
      # ls /proc/self/fd/3
      # move_mount 3 /b
      # ls /b
      """
    Then "ls /proc/self/fd/3" prints on stdout:
      """
      d
      f
      """
    And "move_mount 3 /b" succeeds
    And "ls /b" prints on stdout:
      """
      d
      f
      """
    And after "move_mount 3 /b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b tmpfs none on /
      """

  Scenario: .. at the root of a clone stays at its root
    When the shell session runs:
      """
      # touch /mnt/f
      # open_tree_clone 3</mnt 3 sh
      # ls /proc/self/fd/3/..
      # ls /proc/self/fd/3/../..
      # cd /proc/self/fd/3
      # pwd
      # ls ..
      """
    Then "ls /proc/self/fd/3/.." prints on stdout:
      """
      f
      """
    And "ls /proc/self/fd/3/../.." prints on stdout:
      """
      f
      """
    And "pwd" prints on stdout:
      """
      /proc/self/fd/3
      """
    And "ls .." prints on stdout:
      """
      f
      """

  Scenario: a clone outlives the unmount of the mount it was cloned from
    When the shell session runs:
      """
      # mkdir /mnt/a /b
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f
      # open_tree_clone 3</mnt/a 3 sh
      # umount /mnt/a
      # ls /proc/self/fd/3
      # move_mount 3 /b
      # ls /b
      """
    Then "umount /mnt/a" succeeds
    And "ls /proc/self/fd/3" prints on stdout:
      """
      f
      """
    And "move_mount 3 /b" succeeds
    And "ls /b" prints on stdout:
      """
      f
      """
    And after "move_mount 3 /b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b tmpfs none on /
      """

  @model-only
  Scenario: the clone takes no reference on the mount it was cloned from
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # open_tree_clone 3</mnt/a 3 sh
      """
    Then after "open_tree_clone 3</mnt/a 3 sh", the mount at "/mnt/a" has mnt_count 1

  Scenario: a lazily unmounted mount cannot be cloned, even through an fd that holds it
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # exec 4</mnt/a
      # umount -l /mnt/a
      # open_tree_clone 4 sh
      """
    Then "umount -l /mnt/a" succeeds
    And "open_tree_clone 4 sh" exits with status 1
    And "open_tree_clone 4 sh" prints on stderr:
      """
      open_tree_clone: Invalid argument
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: a clone of a clone can be attached on its own
    When the shell session runs:
      """
      # mkdir /b
      # touch /mnt/f
      # open_tree_clone 3</mnt 3 sh
      # open_tree_clone 4</proc/self/fd/3 4 sh
      # ls /proc/self/fd/4
      # move_mount 4 /b
      """
    Then "open_tree_clone 4</proc/self/fd/3 4 sh" starts a nested shell
    And "ls /proc/self/fd/4" prints on stdout:
      """
      f
      """
    And "move_mount 4 /b" succeeds
    And after "move_mount 4 /b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b tmpfs none on /
      """
