@only-on:v12 @only-on:v12-move-fix @only-on:v12-both-fixes
Feature: ver #12's move_mount knows six flags
  The thread's `move_mount(2)` took `MOVE_MOUNT_F_SYMLINKS`,
  `F_AUTOMOUNTS`, `F_EMPTY_PATH` and their `T_` twins: `MOVE_MOUNT__MASK`
  was `0x77`. `MOVE_MOUNT_SET_GROUP` (`0x100`) came in 5.15 and
  `MOVE_MOUNT_BENEATH` (`0x200`) in 6.5; to a ver #12 kernel they are
  unknown flags, refused before anything is looked up (`EINVAL`). The lookup
  flags themselves behave as today. These scenarios describe the ver #12
  kernels only.

  Scenario: on ver #12 --beneath and --set-group are unknown flags
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # mount -t tmpfs none /mnt/b
      # move_mount -p --beneath /mnt/b /mnt/a
      # move_mount -p --set-group /mnt/a /mnt/b
      """
    Then "move_mount -p --beneath /mnt/b /mnt/a" exits with status 1
    And "move_mount -p --beneath /mnt/b /mnt/a" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And "move_mount -p --set-group /mnt/a /mnt/b" prints on stderr:
      """
      move_mount: Invalid argument
      """
    And after "move_mount -p --set-group /mnt/a /mnt/b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /mnt/b tmpfs none on /mnt
      """

  Scenario: on ver #12 the source is looked up before the target
    When the shell session runs:
      """
      # move_mount -p -t /nope 9
      """
    Then "move_mount -p -t /nope 9" prints on stderr:
      """
      move_mount: No such file or directory
      """
