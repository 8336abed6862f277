@only-on:v12 @only-on:v12-move-fix @only-on:v12-both-fixes
Feature: ver #12 has neither mount_setattr nor open_tree_attr
  The thread's series (ver #12, on v4.19) added `open_tree(2)` and
  `move_mount(2)`; changing a mount's flags still meant
  `mount -o remount,bind`. `mount_setattr(2)` came in 5.12 (syscall 442) and
  `open_tree_attr(2)` in 6.15 (467): a v4.19 kernel has no entry for either
  and answers `ENOSYS`, whatever the arguments. These scenarios describe the
  ver #12 kernels only; on `mainline` and `live` the same calls are the
  other features of this area.

  Scenario: on ver #12 mount_setattr is ENOSYS, and a bind remount is the way to a read-only mount
    When the shell session runs:
      """
      # mount_setattr /mnt +ro
      # mount_setattr /nope +0x400000
      # mount -o remount,bind,ro /mnt
      # mount
      """
    Then "mount_setattr /mnt +ro" exits with status 1
    And "mount_setattr /mnt +ro" prints on stderr:
      """
      mount_setattr: Function not implemented
      """
    And "mount_setattr /nope +0x400000" prints on stderr:
      """
      mount_setattr: Function not implemented
      """
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (ro,relatime)
      """

  Scenario: on ver #12 open_tree_attr is ENOSYS, and no fd or clone is left
    When the shell session runs:
      """
      # open_tree_attr -c 3 +ro sh 3</mnt
      # open_tree_attr -c 3 - sh 3</mnt
      # cat /proc/self/mountinfo
      """
    Then "open_tree_attr -c 3 +ro sh 3</mnt" prints on stderr:
      """
      open_tree_attr: Function not implemented
      """
    And "open_tree_attr -c 3 - sh 3</mnt" exits with status 1
    And "cat /proc/self/mountinfo" prints the mount table:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """
