Feature: Mistakes in a session get the shell's and the tools' own answers
  A transcript is typed at a real shell, so a mistake gets what bash,
  coreutils, util-linux or the thread's two helpers would print, and the
  status they would exit with; the kernel's errno shows through where a
  syscall refused. (A line outside the dialect altogether, such as a pipe, is
  not a shell's mistake: `mountspec` refuses the whole transcript and names
  the file and line.)

  Scenario: an unknown command is not found
    When the shell session runs:
      """
      # frob /mnt
      """
    Then "frob /mnt" exits with status 127
    And "frob /mnt" prints on stderr:
      """
      bash: line 1: frob: command not found
      """

  Scenario: a path that does not exist
    When the shell session runs:
      """
      # cd /nope
      # ls /nope
      # mkdir /nope/a
      # umount /nope
      """
    Then "cd /nope" exits with status 1
    And "cd /nope" prints on stderr:
      """
      bash: line 1: cd: /nope: No such file or directory
      """
    And "ls /nope" exits with status 2
    And "ls /nope" prints on stderr:
      """
      ls: cannot access '/nope': No such file or directory
      """
    And "mkdir /nope/a" exits with status 1
    And "mkdir /nope/a" prints on stderr:
      """
      mkdir: cannot create directory '/nope/a': No such file or directory
      """
    And "umount /nope" exits with status 32

  Scenario: an fd that is not open
    When the shell session runs:
      """
      # exec 3<&7
      # move_mount 7 /mnt
      # open_tree_clone 7 sh
      """
    Then "exec 3<&7" exits with status 1
    And "exec 3<&7" prints on stderr:
      """
      bash: line 1: 7: Bad file descriptor
      """
    And "move_mount 7 /mnt" exits with status 1
    And "move_mount 7 /mnt" prints on stderr:
      """
      move_mount: Bad file descriptor
      """
    And "open_tree_clone 7 sh" exits with status 1
    And "open_tree_clone 7 sh" prints on stderr:
      """
      open_tree_clone: Bad file descriptor
      """

  Scenario: umount of a directory that is not a mount point
    When the shell session runs:
      """
      # mkdir /mnt/x
      # umount /mnt/x
      """
    Then "umount /mnt/x" exits with status 32
    And "umount /mnt/x" prints on stderr:
      """
      umount: /mnt/x: not mounted.
      """
