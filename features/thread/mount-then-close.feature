Feature: mount-then-close
  The second soft lockup uses the same commands in the other order. The clone
  is moved over `/mnt` first, then lazily unmounted, and only then is fd 3
  closed.

  > "mount-then-close" [...] watchdog: BUG: soft lockup - CPU#1 stuck for
  > 22s! [sh:1423] [...] RIP: 0010:pin_kill+0x128/0x140
  >
  > — Alan Jenkins, 20 Oct 2018, [Re: [PATCH 03/34] teach move_mount(2) to work with OPEN_TREE_CLONE [ver #12]](https://lore.kernel.org/lkml/?q=s%3A%22teach+move_mount%282%29+to+work+with+OPEN_TREE_CLONE%22+d%3A20181019..20181022)

  `umount -l` has already run `umount_tree()` on the clone: it is
  `MNT_UMOUNT`, `mnt_ns == NULL`, and its `fs_pin` is spent. The close of fd 3
  runs `__fput()`, deferred to task work on the way back to user space, and
  ver #12's `dissolve_on_fput()` reads `mnt_ns == NULL` as "still detached" and
  unmounts it again: the spent pin goes back on `unmounted`, and
  `group_pin_kill()` spins in the shell's task work. Al Viro's fix to
  `do_move_mount()` does not help: nothing was moved after an unmount. Alan
  Jenkins asked for a second check, in the close path:

  > If my two reproducer sequences are really symmetric, we need to fix the
  > code path in move_mount() *and* the code path in close(). [...] I tested
  > now and this seems to allow "mount-then-close"; there is no immediate
  > softlockup or error message.
  >
  > — Alan Jenkins, 20 Oct 2018, [Re: [PATCH 03/34] teach move_mount(2) to work with OPEN_TREE_CLONE [ver #12]](https://lore.kernel.org/lkml/?q=s%3A%22teach+move_mount%282%29+to+work+with+OPEN_TREE_CLONE%22+d%3A20181019..20181022)

  Mainline's `dissolve_on_fput()` only dissolves the root of an anonymous
  namespace, which a moved and unmounted clone no longer is.

  @fails-on:v12 @fails-on:v12-move-fix
  Scenario: closing the clone's fd after it was moved and lazily unmounted returns
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # cd /proc/self/fd/3
      # mount --move . /mnt && cd /
      # umount -l /mnt
      # exec 3<&- # close FD 3
      # exit
      """
    Then "mount --move . /mnt && cd /" succeeds
    And "umount -l /mnt" succeeds
    And "exec 3<&- # close FD 3" succeeds
    And "exit" succeeds
    And no command gets stuck
    And the kernel log stays quiet
    And after "exit" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """

  @model-only @only-on:v12 @only-on:v12-move-fix
  Scenario: ver #12 soft-locks in pin_kill, in the shell's task work, as the thread reported
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # cd /proc/self/fd/3
      # mount --move . /mnt && cd /
      # umount -l /mnt
      # exec 3<&- # close FD 3
      """
    Then "exec 3<&- # close FD 3" never returns
    And "exec 3<&- # close FD 3" soft-locks the CPU with the call trace:
      """
      pin_kill
      group_pin_kill
      namespace_unlock
      __fput
      task_work_run
      exit_to_usermode_loop
      do_syscall_64
      entry_SYSCALL_64_after_hwframe
      """

  @model-only
  Scenario: after the lazy unmount only fd 3 holds the clone, flagged MNT_UMOUNT
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # cd /proc/self/fd/3
      # mount --move . /mnt && cd /
      # umount -l /mnt
      """
    Then after "umount -l /mnt", the mount on fd 3 is flagged MNT_UMOUNT
    And after "umount -l /mnt", the mount on fd 3 is in no namespace
    And after "umount -l /mnt", the mount on fd 3 has mnt_count 1
