@only-on:v12 @only-on:v12-move-fix @only-on:v12-both-fixes
Feature: on ver #12, the new calls our helpers make are not there
  The series of the thread (ver #12, Oct 2018, on v4.19) proposed `fsopen`,
  `fsconfig`, `fsmount` and `fspick`, but not as 5.2 merged them: other
  syscall numbers, `fsmount` taking `MS_*` flags rather than
  `MOUNT_ATTR_*`, a different set of commands. Our helpers are built for 5.2's
  ABI, so on a ver #12 kernel their calls find no syscall: `ENOSYS`. The
  model says that rather than guess the series' details. `statmount`,
  `listmount` and statx's unique mount id came in 6.8: v4.19's statx leaves
  the mount id out of its answer.

  Scenario: fsopen is ENOSYS on ver #12
    When the shell session runs:
      """
      # fsopen tmpfs 3 sh
      """
    Then "fsopen tmpfs 3 sh" prints on stderr:
      """
      fsopen: Function not implemented
      """

  Scenario: statmount cannot even learn the mount's id on ver #12, and listmount is ENOSYS
    When the shell session runs:
      """
      # statmount /mnt
      # listmount
      """
    Then "statmount /mnt" prints on stderr:
      """
      statmount: /mnt: Operation not supported
      """
    And "listmount" prints on stderr:
      """
      listmount: Function not implemented
      """
