Feature: open_tree without OPEN_TREE_CLONE: a path fd on the mount itself
  Ported, in our own words, from LTP
  `testcases/kernel/syscalls/open_tree/open_tree02.c` (the errors: a bad
  `dirfd`, bad flags) and the `open_tree(2)` manual page ("If
  `OPEN_TREE_CLONE` is not specified, `open_tree()` ... is equivalent to
  `openat(2)` with `O_PATH`"). The helper `open_tree [-c] [-r] N CMD` calls
  `open_tree(N, "", AT_EMPTY_PATH)` plus `OPEN_TREE_CLONE` for `-c` and
  `AT_RECURSIVE` for `-r`, puts the result on fd N and runs CMD; it is the
  same program as the thread's `open_tree_clone`, which always clones.

  Without `OPEN_TREE_CLONE`, `open_tree()` copies nothing and needs no
  privilege: the fd it returns names the mount that is there, and
  `move_mount` of that fd moves the mount itself, as `mount --move` would.
  `AT_RECURSIVE` only means something for a copy, so without
  `OPEN_TREE_CLONE` it is refused (`EINVAL`), and an fd that is not open is
  `EBADF`.

  - **A path fd, not a copy:** moving it moves the mount; the old place is
    empty.
  - **The errors:** `AT_RECURSIVE` without `OPEN_TREE_CLONE`, a closed fd.

  Scenario: an open_tree fd without OPEN_TREE_CLONE names the mount itself, and move_mount moves it
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # touch /mnt/a/f
      # exec 3</mnt/a
      # open_tree 3 sh
      # ls /proc/self/fd/3
      # move_mount 3 /mnt/b
      # exit
      # ls /mnt/b
      """
    Then "open_tree 3 sh" starts a nested shell
    And "ls /proc/self/fd/3" prints on stdout:
      """
      f
      """
    And "move_mount 3 /mnt/b" succeeds
    And "ls /mnt/b" prints on stdout:
      """
      f
      """
    And after "exit" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/b tmpfs none on /mnt
      """

  Scenario: AT_RECURSIVE without OPEN_TREE_CLONE is EINVAL, and an fd that is not open is EBADF
    When the shell session runs:
      """
      # mkdir /mnt/a
      # exec 3</mnt/a
      # open_tree -r 3 ls
      # open_tree 9 ls
      # open_tree_clone 9 ls
      """
    Then "open_tree -r 3 ls" exits with status 1
    And "open_tree -r 3 ls" prints on stderr:
      """
      open_tree: Invalid argument
      """
    And "open_tree 9 ls" prints on stderr:
      """
      open_tree: Bad file descriptor
      """
    And "open_tree_clone 9 ls" prints on stderr:
      """
      open_tree_clone: Bad file descriptor
      """
