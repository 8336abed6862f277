Feature: The intended use: move_mount straight from the clone's fd
  What the series was for, and what every kernel in this spec does right:

  > Users are expected to move_mount() directly from that file.
  >
  > — Alan Jenkins, 20 Oct 2018, [Re: [PATCH 03/34] teach move_mount(2) to work with OPEN_TREE_CLONE [ver #12]](https://lore.kernel.org/lkml/?q=s%3A%22teach+move_mount%282%29+to+work+with+OPEN_TREE_CLONE%22+d%3A20181019..20181022)

  `open_tree(OPEN_TREE_CLONE)` copies the mount at `/mnt` into a detached
  tree (same filesystem, so the copy shows the same files), and `move_mount`
  with `MOVE_MOUNT_F_EMPTY_PATH` attaches that tree where it is wanted. Once
  attached, the tree is an ordinary mount: the last close of its fd no longer
  dissolves it, as [the merged commit 44dfd84a6d54](https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=44dfd84a6d54a675e35ab618d9fab47b36cb78cd) puts it: "If by the time of final fput()
  ... its tree is not detached anymore, it won't be dissolved." A clone that
  is never attached is dissolved by that last close and leaves no trace. The commit thanks Alan Jenkins "for providing a whole bunch of ways to break things using this interface": the thread's stories.

  Scenario: a clone moved onto a directory stays mounted after its fd is closed
    When the shell session runs:
      """
      # mkdir /mnt/a
      # open_tree_clone 3</mnt 3 sh
      # move_mount 3 /mnt/a
      # ls /mnt/a
      # exec 3<&-
      # exit
      """
    Then "move_mount 3 /mnt/a" succeeds
    And "ls /mnt/a" prints on stdout:
      """
      a
      """
    And "exec 3<&-" succeeds
    And "exit" succeeds
    And after "exit" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      """

  Scenario: the moved clone unmounts like any mount once nothing holds it
    When the shell session runs:
      """
      # mkdir /mnt/a
      # open_tree_clone 3</mnt 3 sh
      # move_mount 3 /mnt/a
      # exit
      # umount /mnt/a
      """
    Then "umount /mnt/a" succeeds
    And after "umount /mnt/a" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """

  Scenario: a clone that is never attached is dissolved by its last close
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # exit
      # cat /proc/self/mountinfo
      """
    Then "exit" succeeds
    And after "exit" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """
    And the kernel log stays quiet

  @model-only @only-on:mainline
  Scenario: mainline keeps the clone in an anonymous namespace of its own
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      """
    Then after "open_tree_clone 3</mnt 3 sh", the mount on fd 3 is in an anonymous namespace

  @model-only @only-on:v12 @only-on:v12-move-fix @only-on:v12-both-fixes
  Scenario: ver #12 leaves the clone in no namespace, as umount_tree() leaves an unmounted mount
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      """
    Then after "open_tree_clone 3</mnt 3 sh", the mount on fd 3 is in no namespace
    And after "open_tree_clone 3</mnt 3 sh", the mount on fd 3 is not flagged MNT_UMOUNT
