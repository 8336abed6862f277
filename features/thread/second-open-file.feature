Feature: A second open file on the clone
  Alan Jenkins's rewrite of the problem starts from the file, not the cwd:

  > OPEN_TREE_CLONE creates an open file, marked with FMODE_NEED_UNMOUNT for
  > cleanup. Users are expected to move_mount() directly from that file.
  >
  > However, it is also possible to use openat() on the open file, which gives
  > you a second open file. This raises questions about the cleanup handling.
  > The second open file is *not* marked FMODE_NEED_UNMOUNT. What happens if we
  > clean up the first open file and then move_mount() from the second one? And
  > what happens if you consume the second open file using move_mount(), and
  > then cleanup up the first open file?
  >
  > — Alan Jenkins, 20 Oct 2018, [Re: [PATCH 03/34] teach move_mount(2) to work with OPEN_TREE_CLONE [ver #12]](https://lore.kernel.org/lkml/?q=s%3A%22teach+move_mount%282%29+to+work+with+OPEN_TREE_CLONE%22+d%3A20181019..20181022)

  Here the second file is `exec 4</proc/self/fd/3`: opening the magic link
  gives a new `struct file` on the clone's root, holding its own reference and
  no `FMODE_NEED_UNMOUNT` (a `dup` would share the first file instead).
  `move_mount` judges the mount, never the file that names it, so the two
  orders are close-then-mount and mount-then-close again, without a `cd`.

  @fails-on:v12
  Scenario: close the clone's own fd, then move_mount from the second file: refused
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # exec 4</proc/self/fd/3
      # exec 3<&-
      # move_mount 4 /mnt
      # umount -l /mnt
      # exec 4<&-
      # exit
      """
    Then "move_mount 4 /mnt" exits with status 1
    And "move_mount 4 /mnt" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "umount -l /mnt" succeeds
    And no command gets stuck
    And the kernel log stays quiet

  @fails-on:v12 @fails-on:v12-move-fix
  Scenario: move_mount from the second file, lazily unmount, then close the clone's own fd
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # exec 4</proc/self/fd/3
      # move_mount 4 /mnt
      # umount -l /mnt
      # exec 3<&-
      # exec 4<&-
      # exit
      """
    Then "move_mount 4 /mnt" succeeds
    And "umount -l /mnt" succeeds
    And "exec 3<&-" succeeds
    And no command gets stuck
    And the kernel log stays quiet
    And after "exit" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """

  @model-only
  Scenario: only the file open_tree returned dissolves the tree when closed
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # exec 4</proc/self/fd/3
      # exec 4<&-
      # exec 4</proc/self/fd/3
      # exec 3<&-
      """
    Then after the 1st "exec 4<&-", the mount on fd 3 is not flagged MNT_UMOUNT
    And after "exec 3<&-", the mount on fd 4 is flagged MNT_UMOUNT
    And after "exec 3<&-", the mount on fd 4 is in no namespace
