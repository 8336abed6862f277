@fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
Feature: mount_setattr(2) changes propagation too, one type at a time
  Ported, in our own words, from the kernel selftest
  `tools/testing/selftests/mount_setattr/mount_setattr_test.c`
  (`mount_setattr_recursive`'s propagation part,
  `mount_setattr_invalid_attributes`) and from
  `Documentation/filesystems/sharedsubtree.rst`.

  `struct mount_attr` has a `propagation` field that takes one of
  `MS_SHARED`, `MS_SLAVE`, `MS_PRIVATE`, `MS_UNBINDABLE`, as
  `mount --make-*` does; with `AT_RECURSIVE`, the `--make-r*` forms. The
  flags and the propagation change together or not at all. In the dialect
  the types are SPEC items: `mount_setattr -r /mnt shared`.

  - **One type at a time:** two types in one call is `EINVAL`
    (`hweight32(propagation) > 1`), before the path is looked at.
  - **Shared first gets every mount a peer group id,** so a recursive
    `shared` gives each mount of the tree a group of its own.
  - **Slave and private take a mount out of its group;** unbindable
    does too, and shows as `unbindable`; private clears that again.
  - **Flags and propagation in one call:** `-r /mnt -ro,shared`.

  Scenario: a recursive shared gives each mount a group, and slave, unbindable and private take them out
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/x
      # mount -t tmpfs none /mnt/a/x
      # mount_setattr -r /mnt shared
      # cat /proc/self/mountinfo
      # mount_setattr /mnt/a/x slave
      # mount_setattr /mnt/a unbindable
      # cat /proc/self/mountinfo
      # mount_setattr -r /mnt private
      # cat /proc/self/mountinfo
      """
    Then the 1st "cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on / shared:1
      /mnt/a tmpfs none on /mnt shared:2
      /mnt/a/x tmpfs none on /mnt/a shared:3
      """
    And the 2nd "cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on / shared:1
      /mnt/a tmpfs none on /mnt unbindable
      /mnt/a/x tmpfs none on /mnt/a
      """
    And the 3rd "cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt
      /mnt/a/x tmpfs none on /mnt/a
      """

  Scenario: two propagation types in one call are EINVAL, even for a path that does not exist
    When the shell session runs:
      """
      # mount_setattr /mnt shared,private
      # mount_setattr /nope slave,unbindable
      # cat /proc/self/mountinfo
      """
    Then "mount_setattr /mnt shared,private" exits with status 1
    And "mount_setattr /mnt shared,private" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "mount_setattr /nope slave,unbindable" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      """

  Scenario: a mount made a slave of its bind receives what is mounted there, and flags change with it
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/b
      # mount -t tmpfs none /mnt/a
      # mount_setattr /mnt/a shared
      # mount --bind /mnt/a /mnt/b
      # mount_setattr /mnt/b +ro,slave
      # mkdir /mnt/a/x
      # mount -t tmpfs none /mnt/a/x
      # mount
      # cat /proc/self/mountinfo
      """
    Then "mount_setattr /mnt/b +ro,slave" succeeds
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,relatime)
      none on /mnt/b type tmpfs (ro,relatime)
      none on /mnt/a/x type tmpfs (rw,relatime)
      none on /mnt/b/x type tmpfs (rw,relatime)
      """
    And "cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt shared:1
      /mnt/b tmpfs none on /mnt master:1
      /mnt/a/x tmpfs none on /mnt/a shared:2
      /mnt/b/x tmpfs none on /mnt/b master:2
      """
