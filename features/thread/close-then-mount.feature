Feature: close-then-mount
  test

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
    And no command gets stuck
