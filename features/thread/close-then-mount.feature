Feature: close-then-mount
  The first of the two soft lockups. The nested shell keeps the clone alive
  as its cwd (`cd /proc/self/fd/3`), then closes fd 3, the file
  `open_tree(OPEN_TREE_CLONE)` returned. That last close runs
  `dissolve_on_fput()`, which unmounts the detached tree: every mount in it is
  now flagged `MNT_UMOUNT` and has `mnt_ns == NULL`. The cwd still pins it.
  Then `mount --move .` names that dead clone as the source.

  > When I debug the kernel and reproduce "close-then-mount", I can see
  > something is wrong even before the last command. The mount command
  > attaches a mount into the mount namespace which is still marked as
  > MNT_UMOUNT.
  >
  > — Alan Jenkins, 20 Oct 2018, [Re: [PATCH 03/34] teach move_mount(2) to work with OPEN_TREE_CLONE [ver #12]](https://lore.kernel.org/lkml/?q=s%3A%22teach+move_mount%282%29+to+work+with+OPEN_TREE_CLONE%22+d%3A20181019..20181022)

  ver #12 tells a detached clone by `mnt_ns == NULL`, the very value
  `umount_tree()` leaves behind, so `do_move_mount()` lets the dead mount in.
  That breaks the rule `disconnect_mount()` states:

  > Because the reference counting rules change when mounts are unmounted and
  > connected, umounted mounts may not be connected to mounted mounts.
  >
  > — comment in `fs/namespace.c:disconnect_mount()`, quoted by Alan Jenkins, 20 Oct 2018

  The lazy unmount that follows unmounts it a second time: `umount_tree()`
  links the mount's one-shot `fs_pin`, already spent by the dissolve, onto the
  `unmounted` list, and `group_pin_kill()` calls `pin_kill()` on it forever.
  Al Viro's one-liner makes `do_move_mount()` refuse `MNT_UMOUNT`:

  > You suggested a one-line diff, to deny the problematic mount command in
  > "close-then-mount". [...] It sounds plausible, and it worked as suggested.
  >
  > — Alan Jenkins, 20 Oct 2018, [Re: [PATCH 03/34] teach move_mount(2) to work with OPEN_TREE_CLONE [ver #12]](https://lore.kernel.org/lkml/?q=s%3A%22teach+move_mount%282%29+to+work+with+OPEN_TREE_CLONE%22+d%3A20181019..20181022)

  Mainline (5.2 on, [commit 44dfd84a6d54](https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=44dfd84a6d54a675e35ab618d9fab47b36cb78cd)) never made the fix: it gave the clone an anonymous
  namespace of its own, so "detached" and "unmounted" are different states,
  and `do_move_mount()` accepts only the root of an anonymous namespace. The
  move fails with `EINVAL`, which `mount(8)` reports with its generic message.

  @fails-on:v12
  Scenario: moving a clone that its last close already dissolved is refused
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # cd /proc/self/fd/3
      # exec 3<&- # close FD 3
      # mount --move . /mnt && cd /
      # umount -l /mnt
      """
    Then "mount --move . /mnt && cd /" exits with status 32
    And "mount --move . /mnt && cd /" prints on stderr:
      """
      mount: /mnt: wrong fs type, bad option, bad superblock on ., missing codepage or helper program, or other error.
             dmesg(1) may have more information after failed mount system call.
      """
    And no command gets stuck
    And the kernel log stays quiet

  @fails-on:v12
  Scenario: the lazy unmount after the refused move unmounts the original /mnt
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # cd /proc/self/fd/3
      # exec 3<&- # close FD 3
      # mount --move . /mnt && cd /
      # umount -l /mnt
      """
    Then "umount -l /mnt" succeeds
    And after "umount -l /mnt" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      """

  @model-only
  Scenario: the last close leaves the clone unmounted but pinned by the cwd
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # cd /proc/self/fd/3
      # exec 3<&- # close FD 3
      """
    Then after "exec 3<&- # close FD 3", the shell's cwd is flagged MNT_UMOUNT
    And after "exec 3<&- # close FD 3", the shell's cwd is in no namespace
    And after "exec 3<&- # close FD 3", the shell's cwd has mnt_count 1

  @model-only @fails-on:v12
  Scenario: an unmounted mount is never attached under a mounted one
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # cd /proc/self/fd/3
      # exec 3<&- # close FD 3
      # mount --move . /mnt && cd /
      """
    Then no unmounted mount is ever attached under a mounted one

  @model-only @only-on:v12
  Scenario: ver #12 accepts the move, then soft-locks in pin_kill from umount, as the thread reported
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # cd /proc/self/fd/3
      # exec 3<&- # close FD 3
      # mount --move . /mnt && cd /
      # umount -l /mnt
      """
    Then "mount --move . /mnt && cd /" succeeds
    And "umount -l /mnt" never returns
    And "umount -l /mnt" soft-locks the CPU with the call trace:
      """
      pin_kill
      group_pin_kill
      namespace_unlock
      ksys_umount
      __x64_sys_umount
      do_syscall_64
      entry_SYSCALL_64_after_hwframe
      """
