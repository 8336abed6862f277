Feature: Detached trees: no propagation in, and attributes before attaching
  Ported, in our own words, from Al Viro's 3b5260d12b1f "Don't propagate
  mounts into detached trees" (6.16, a fix to 6.15: "a detached tree is not
  part of any mount namespace anyone can see; propagating mount events into
  it ... makes no sense") and from the selftests that came with the 6.15
  detached-mount work.

  A clone of a shared mount is a peer of it: `clone_mnt()` puts it on the
  peer ring, and `mountinfo` of the attached clone says `shared:N`. While
  the clone is detached, though, `propagate_mnt()` skips it
  (`need_secondary()` asks for a mount in a real namespace): a mount made
  under the original then does not appear in the clone, not even after the
  clone is attached. Once attached it receives again.

  - **Detached, nothing arrives:** the clone's directory stays empty.
  - **Attached, it is a peer again:** what is mounted afterwards appears
    under both.
  - **ver #12 skipped them too:** its clone had no namespace at all, which
    `propagate_mnt()` took for a copy of its own making (`IS_MNT_NEW()`).
  - **`mount_setattr -r` on the detached root** changes the whole tree
    before anyone sees it (5.12+; ver #12 has no `mount_setattr`, hence
    that scenario's `@fails-on` tags).

  Scenario: a mount under a shared mount skips its detached clone, and reaches it once attached
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/c
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/sub /mnt/a/x
      # mount --make-shared /mnt/a
      # open_tree_clone 3</mnt/a 3 sh
      # mount -t tmpfs none /mnt/a/sub
      # touch /mnt/a/sub/f
      # ls /proc/self/fd/3/sub
      # move_mount 3 /mnt/c
      # mount -t tmpfs none /mnt/a/x
      # exit
      # cat /proc/self/mountinfo
      """
    Then "ls /proc/self/fd/3/sub" prints nothing
    And "move_mount 3 /mnt/c" succeeds
    And "cat /proc/self/mountinfo" prints the mount table with propagation:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/a tmpfs none on /mnt shared:1
      /mnt/c tmpfs none on /mnt shared:1
      /mnt/a/sub tmpfs none on /mnt/a shared:2
      /mnt/a/x tmpfs none on /mnt/a shared:3
      /mnt/c/x tmpfs none on /mnt/c shared:3
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: mount_setattr -r on a detached tree changes all of it, and the whole tree attaches read-only
    When the shell session runs:
      """
      # mkdir /mnt/a /mnt/c
      # mount -t tmpfs none /mnt/a
      # mkdir /mnt/a/sub
      # mount -t tmpfs none /mnt/a/sub
      # open_tree_clone -r 3</mnt/a 3 sh
      # mount_setattr -r -e 3 +ro,private
      # move_mount 3 /mnt/c
      # exit
      # mount
      """
    Then "mount_setattr -r -e 3 +ro,private" succeeds
    And "mount" prints on stdout:
      """
      none on / type tmpfs (rw,relatime)
      proc on /proc type proc (rw,relatime)
      none on /mnt type tmpfs (rw,relatime)
      none on /mnt/a type tmpfs (rw,relatime)
      none on /mnt/a/sub type tmpfs (rw,relatime)
      none on /mnt/c type tmpfs (ro,relatime)
      none on /mnt/c/sub type tmpfs (ro,relatime)
      """
