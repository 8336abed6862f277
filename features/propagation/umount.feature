Feature: Unmounting under shared mounts
  Ported, in our own words, from the kernel's
  `Documentation/filesystems/sharedsubtree.rst`, section 5f (unmount
  semantics, with its example of `B1`, `B2`, `B3`, the `A`s mounted first and
  the `C`s on top of them), and from the rules of 6.17's rewrite of
  `propagate_umount()` (`Documentation/filesystems/propagate_umount.txt`).

  Unmounting `C1` from `B1` (a shared mount) also unmounts, under every mount
  `B1` propagates to, the mount at the same place, as long as nothing but a
  full overmount sits on it; the one told to go must have no submounts at
  all. A plain `umount` first asks `propagate_mount_busy()` whether any of
  them is in use; `umount -l` does not ask. A mount that stays on top of one
  that goes (something mounted on a slave's copy only) slides down into its
  place (`reparent()`).

  - **Every peer's top mount goes together:** with `A1`-`A3` and `C1`-`C3`
    stacked at `b`, unmounting `C1` takes `C2` and `C3` too, and all three
    show `A`'s files again.
  - **A copy with a submount stays; the one asked for must not have one:**
    `C3`, under a slave, got a submount of its own, so unmounting `C1` takes
    `C2` and leaves `C3`; a submount that propagated to `C1` itself makes
    the whole umount `EBUSY`.
  - **A busy copy makes the umount busy:** a cwd in a peer's copy is enough
    for "target is busy."; `umount -l` takes them all, and the shell keeps
    its cwd, now detached.
  - **What was mounted on a slave's copy only slides down:** a private mount
    tucked under the copy when the copy arrived stays when the copy goes,
    showing its own files again.

  Scenario: unmounting the top mount under one peer unmounts it under every peer
    When the shell session runs:
      """
      # mkdir /b2 /b3 /mnt/b
      # mount --make-shared /mnt
      # mount --bind /mnt /b2
      # mount --bind /mnt /b3
      # mount -t tmpfs none /mnt/b
      # touch /mnt/b/a
      # mount -t tmpfs none /mnt/b
      # touch /mnt/b/c
      # ls /b2/b /b3/b
      # umount /mnt/b
      # ls /mnt/b /b2/b /b3/b
      """
    Then "ls /b2/b /b3/b" prints on stdout:
      """
      /b2/b:
      c

      /b3/b:
      c
      """
    And "umount /mnt/b" succeeds
    And "ls /mnt/b /b2/b /b3/b" prints on stdout:
      """
      /b2/b:
      a

      /b3/b:
      a

      /mnt/b:
      a
      """
    And after "umount /mnt/b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b2 tmpfs none on /
      /b3 tmpfs none on /
      /mnt/b tmpfs none on /mnt
      /b3/b tmpfs none on /b3
      /b2/b tmpfs none on /b2
      """

  Scenario: a copy with a submount of its own stays, and a submount on the one asked for makes it busy
    When the shell session runs:
      """
      # mkdir /b2 /b3 /mnt/b
      # mount --make-shared /mnt
      # mount --bind /mnt /b2
      # mount --bind /mnt /b3
      # mount --make-slave /b3
      # mount -t tmpfs none /mnt/b
      # mount -t tmpfs none /mnt/b
      # mkdir /b3/b/sub
      # mount -t tmpfs none /b3/b/sub
      # umount /mnt/b
      # mkdir /mnt/b/sub
      # mount -t tmpfs none /mnt/b/sub
      # umount /mnt/b
      """
    Then the 1st "umount /mnt/b" succeeds
    And after the 1st "umount /mnt/b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b2 tmpfs none on /
      /b3 tmpfs none on /
      /mnt/b tmpfs none on /mnt
      /b2/b tmpfs none on /b2
      /b3/b tmpfs none on /b3
      /b3/b tmpfs none on /b3/b
      /b3/b/sub tmpfs none on /b3/b
      """
    And the 2nd "umount /mnt/b" exits with status 32
    And the 2nd "umount /mnt/b" prints on stderr:
      """
      umount: /mnt/b: target is busy.
      """

  Scenario: a cwd in a peer's copy makes the umount busy; a lazy umount takes the copy anyway
    When the shell session runs:
      """
      # mkdir /b2 /mnt/b
      # mount --make-shared /mnt
      # mount --bind /mnt /b2
      # mount -t tmpfs none /mnt/b
      # touch /mnt/b/f
      # cd /b2/b
      # umount /mnt/b
      # umount -l /mnt/b
      # ls
      # ls /b2
      """
    Then "umount /mnt/b" exits with status 32
    And "umount /mnt/b" prints on stderr:
      """
      umount: /mnt/b: target is busy.
      """
    And "umount -l /mnt/b" succeeds
    And "ls" prints on stdout:
      """
      f
      """
    And "ls /b2" prints on stdout:
      """
      b
      """
    And after "umount -l /mnt/b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b2 tmpfs none on /
      """

  Scenario: a mount on a slave's copy only slides down into the copy's place when the copy goes
    When the shell session runs:
      """
      # mkdir /b2 /mnt/b
      # mount --make-shared /mnt
      # mount --bind /mnt /b2
      # mount --make-slave /b2
      # mount -t tmpfs none /b2/b
      # touch /b2/b/private
      # mount -t tmpfs none /mnt/b
      # touch /mnt/b/shared
      # ls /b2/b
      # umount /mnt/b
      # ls /b2/b
      """
    Then the 1st "ls /b2/b" prints on stdout:
      """
      private
      """
    And after "mount -t tmpfs none /mnt/b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b2 tmpfs none on /
      /b2/b tmpfs none on /b2/b
      /mnt/b tmpfs none on /mnt
      /b2/b tmpfs none on /b2
      """
    And "umount /mnt/b" succeeds
    And the 2nd "ls /b2/b" prints on stdout:
      """
      private
      """
    And after "umount /mnt/b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b2 tmpfs none on /
      /b2/b tmpfs none on /b2
      """
