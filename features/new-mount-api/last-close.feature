Feature: The last close of a clone's file dissolves it, and only that file counts
  Ported, in our own words, from the kernel selftest
  `tools/testing/selftests/mount_setattr/mount_setattr_test.c`
  (`attach_detached_mount_then_umount_then_close`,
  `mount_detached1_onto_detached2_then_close_detached1_then_mount_detached2_onto_attached`),
  which close the clone's fd at every stage of its life, and from the
  question the thread asks about a second open file on the clone
  (`features/thread/second-open-file.feature`).

  The file `open_tree(OPEN_TREE_CLONE)` returns is marked `FMODE_NEED_UNMOUNT`;
  its final `fput()` runs `dissolve_on_fput()`, which unmounts the tree if it is
  still detached. Final means of that `struct file`: a `dup` shares it, an
  `open()` of `/proc/self/fd/3` makes a new one without the mark.

  - **An unattached clone vanishes with its last close, cwd or not:** the
    namespace never saw it, and a cwd inside still lists it afterwards; the cwd
    holds the dissolved mount, as a cwd holds a lazily unmounted one.
  - **Closing an alias does not dissolve the clone:** the alias from
    `exec 4</proc/self/fd/3` is another file on the same mount without the
    mark, so its close is an ordinary one; fd 3 can still attach the tree, and
    once attached, closing fd 3 leaves it mounted.
  - **A `dup` shares the marked file:** closing fd 3 is not the last close while
    fd 4 is the same file, so the clone stays detached and fd 4 attaches it.

  Scenario: a clone's last close leaves the namespace as it was, and a cwd inside still lists it
    When the shell session runs:
      """
      # touch /mnt/f
      # open_tree_clone 3</mnt 3 sh
      # cd /proc/self/fd/3
      # exec 3<&-
      # ls
      # ls ..
      """
    Then "exec 3<&-" succeeds
    And "ls" prints on stdout:
      """
      f
      """
    And "ls .." prints on stdout:
      """
      f
      """
    And after "exec 3<&-" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """
    And no command gets stuck
    And the kernel log stays quiet

  Scenario: closing an alias opened through /proc/self/fd does not dissolve the clone
    When the shell session runs:
      """
      # mkdir /b
      # open_tree_clone 3</mnt 3 sh
      # exec 4</proc/self/fd/3
      # exec 4<&-
      # move_mount 3 /b
      # exec 3<&-
      # exit
      """
    Then "exec 4<&-" succeeds
    And "move_mount 3 /b" succeeds
    And after "exit" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b tmpfs none on /
      """

  Scenario: a dup of the clone's fd shares its file, so closing the original dissolves nothing
    When the shell session runs:
      """
      # mkdir /b
      # open_tree_clone 3</mnt 3 sh
      # exec 4<&3
      # exec 3<&-
      # move_mount 4 /b
      # exit
      """
    Then "move_mount 4 /b" succeeds
    And after "exit" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b tmpfs none on /
      """
