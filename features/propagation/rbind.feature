Feature: Recursive binds of shared trees, and unbindable mounts that prune them
  Ported, in our own words, from the kernel's
  `Documentation/filesystems/sharedsubtree.rst`: section 5c (rbind semantics,
  with its tree `A`, `B`, `C`, `D`, `E`, `F`, `G` where the unbindable `C` is
  pruned), question B of its quiz (section 6) and question 3 of its FAQ
  (section 7, "Why is unbindable mount needed?").

  `mount --rbind` is `copy_tree()`: a clone of every mount below the source,
  in `next_mnt()` order, except that an unbindable mount is skipped with
  everything below it. When the destination is shared, that whole copy is
  propagated too, so an rbind of a shared tree into itself multiplies.

  - **Unbindable mounts are pruned:** the copy of `A` has `B'` with `D'`
    and `E'`, and nothing at all where `C` with `F` and `G` was.
  - **Quiz B:** `/` made rshared and rbound onto `/v/1`: the copy under
    `/v/1` gets no copy of itself, so `/v/1/v/1` is an empty directory.
  - **FAQ 3:** rbinding `/root` into `/root/tmp/m1`, then `m2`, copies the
    earlier copies again, because each rbind propagates to the copies
    already made: six mounts after two binds, as the FAQ draws them. With
    `/root/tmp` unbindable, each rbind copies only `/root` itself: three
    binds, three mounts.

  Scenario: an unbindable mount is left out of an rbind, with everything below it
    When the shell session runs:
      """
      # mkdir /a /z
      # mount -t tmpfs none /a
      # mkdir /a/b /a/c
      # mount -t tmpfs none /a/b
      # mount -t tmpfs none /a/c
      # mkdir /a/b/d /a/b/e /a/c/f /a/c/g
      # mount -t tmpfs none /a/b/d
      # mount -t tmpfs none /a/b/e
      # mount -t tmpfs none /a/c/f
      # mount -t tmpfs none /a/c/g
      # mount --make-unbindable /a/c
      # mount --rbind /a /z
      # ls /z/c
      """
    Then "mount --rbind /a /z" succeeds
    And "ls /z/c" prints nothing
    And after "mount --rbind /a /z" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /a tmpfs none on /
      /a/b tmpfs none on /a
      /a/c tmpfs none on /a
      /a/b/d tmpfs none on /a/b
      /a/b/e tmpfs none on /a/b
      /a/c/f tmpfs none on /a/c
      /a/c/g tmpfs none on /a/c
      /z tmpfs none on /
      /z/b tmpfs none on /z
      /z/b/d tmpfs none on /z/b
      /z/b/e tmpfs none on /z/b
      """

  Scenario: quiz B: an rshared root rbound onto its own subdirectory is not copied into the copy
    When the shell session runs:
      """
      # mount --make-rshared /
      # mkdir -p /v/1
      # mount --rbind / /v/1
      # ls /v/1/v/1
      """
    Then "mount --rbind / /v/1" succeeds
    And "ls /v/1/v/1" prints nothing
    And after "mount --rbind / /v/1" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /v/1 tmpfs none on /
      /v/1/proc proc proc on /v/1
      /v/1/mnt tmpfs none on /v/1
      """

  Scenario: without an unbindable mount, each rbind into the shared tree copies the earlier copies too
    When the shell session runs:
      """
      # mkdir -p /root/tmp /root/usr
      # mount --bind /root /root
      # mount --make-shared /root
      # mkdir -p /root/tmp/m1
      # mount --rbind /root /root/tmp/m1
      # mkdir -p /root/tmp/m2
      # mount --rbind /root /root/tmp/m2
      # ls /root/tmp/m1/tmp /root/tmp/m2/tmp/m1/tmp
      """
    Then "ls /root/tmp/m1/tmp /root/tmp/m2/tmp/m1/tmp" prints on stdout:
      """
      /root/tmp/m1/tmp:
      m1
      m2

      /root/tmp/m2/tmp/m1/tmp:
      m1
      m2
      """
    And after "mount --rbind /root /root/tmp/m2" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /root tmpfs none on /
      /root/tmp/m1 tmpfs none on /root
      /root/tmp/m2 tmpfs none on /root
      /root/tmp/m2/tmp/m1 tmpfs none on /root/tmp/m2
      /root/tmp/m1/tmp/m2 tmpfs none on /root/tmp/m1
      /root/tmp/m1/tmp/m2/tmp/m1 tmpfs none on /root/tmp/m1/tmp/m2
      """

  Scenario: FAQ 3: with the tree's tmp unbindable, each rbind copies /root once
    When the shell session runs:
      """
      # mkdir -p /root/tmp /root/usr
      # mount --bind /root /root
      # mount --bind /root/tmp /root/tmp
      # mount --make-rshared /root
      # mount --make-unbindable /root/tmp
      # mkdir -p /root/tmp/m1
      # mount --rbind /root /root/tmp/m1
      # mkdir -p /root/tmp/m2
      # mount --rbind /root /root/tmp/m2
      # mkdir -p /root/tmp/m3
      # mount --rbind /root /root/tmp/m3
      # ls /root/tmp/m3 /root/tmp/m3/tmp
      """
    Then "ls /root/tmp/m3 /root/tmp/m3/tmp" prints on stdout:
      """
      /root/tmp/m3:
      tmp
      usr

      /root/tmp/m3/tmp:
      m1
      m2
      m3
      """
    And after "mount --rbind /root /root/tmp/m3" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /root tmpfs none on /
      /root/tmp tmpfs none on /root
      /root/tmp/m1 tmpfs none on /root/tmp
      /root/tmp/m2 tmpfs none on /root/tmp
      /root/tmp/m3 tmpfs none on /root/tmp
      """
