Feature: The EBUSY that is correct
  Alan Jenkins's first report on the ver #12 series was an `EBUSY`: he cloned
  `/mnt` with `open_tree(OPEN_TREE_CLONE)`, moved the clone over `/mnt`, left
  it with `cd /`, and `umount /mnt` said the target was busy. David Howells
  traced it to the busy check in `do_umount()`:

  > The reason EBUSY is returned is because propagate_mount_busy() is called by
  > do_umount() with refcnt == 2, but mnt_count == 3
  >
  > — David Howells, 19 Oct 2018, quoted in [Re: [PATCH 03/34] teach move_mount(2) to work with OPEN_TREE_CLONE [ver #12]](https://lore.kernel.org/lkml/?q=s%3A%22teach+move_mount%282%29+to+work+with+OPEN_TREE_CLONE%22+d%3A20181019..20181022)

  `mnt_count` counts every holder: being mounted (1), `umount`'s own lookup
  (1), and the file behind fd 3, which the nested shell still has open. Two are
  expected, three is busy. Alan withdrew the report the next day:

  > Sorry for wasting your time on the EBUSY. The EBUSY error is not new, it is
  > correct, and I was doing the wrong thing. I cannot "umount /mnt" if I still
  > have an FD which points inside /mnt.
  >
  > — Alan Jenkins, 20 Oct 2018, [Re: [PATCH 03/34] teach move_mount(2) to work with OPEN_TREE_CLONE [ver #12]](https://lore.kernel.org/lkml/?q=s%3A%22teach+move_mount%282%29+to+work+with+OPEN_TREE_CLONE%22+d%3A20181019..20181022)

  Every kernel agrees here, the buggy one included: this is the baseline the
  two soft lockups are told against.

  Scenario: umount of the moved clone fails with EBUSY while its fd is open
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # cd /proc/self/fd/3
      # mount --move . /mnt
      # cd /
      # umount /mnt
      """
    Then "open_tree_clone 3</mnt 3 sh" starts a nested shell
    And "mount --move . /mnt" succeeds
    And "umount /mnt" exits with status 32
    And "umount /mnt" prints on stderr:
      """
      umount: /mnt: target is busy.
      """
    And no command gets stuck
    And the kernel log stays quiet

  Scenario: once the fd is closed, the same umount succeeds
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # cd /proc/self/fd/3
      # mount --move . /mnt
      # cd /
      # umount /mnt
      # exec 3<&-
      # umount /mnt
      # exit
      """
    Then the 1st "umount /mnt" exits with status 32
    And the 2nd "umount /mnt" succeeds
    And "exit" succeeds
    And after the 2nd "umount /mnt" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """

  @model-only
  Scenario: the count umount sees is three: mounted, fd 3, and its own lookup
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # cd /proc/self/fd/3
      # mount --move . /mnt
      # cd /
      # umount /mnt
      """
    Then after "cd /", the mount at "/mnt" has mnt_count 2
    And after "cd /", the mount on fd 3 has mnt_count 2
    And after "umount /mnt", the mount at "/mnt" is not flagged MNT_UMOUNT
