Feature: mount(8) and umount(8) resolve /proc/self/fd/N paths to "/"
  gVisor `test/syscalls/linux/mount.cc` (`DetachedMountBindFails`) binds a
  lazily unmounted mount through its `/proc/self/fd/N` path and expects
  `EINVAL`; it calls `mount(2)` directly. Here the same path goes through
  `mount(8)` and `umount(8)`, and the result is worth knowing before anyone
  scripts it: container runtimes name mounts by `/proc/self/fd/N` on purpose,
  to avoid path races, but only with the raw syscalls.

  util-linux canonicalizes every path it is given with `realpath(3)`, which
  reads the magic link. For a mount that is not reachable from the caller's
  root (lazily unmounted, or a detached clone), the kernel's `d_path()` has no
  path to give and answers `/`, so the tools act on the caller's root instead:

  - **`mount --bind /proc/self/fd/3` binds `/`:** the new mount at `/b` is a
    bind of the root tmpfs, not of the detached mount fd 3 holds; and
    `mount --move` of the same path tries to move `/` into itself (`ELOOP`).
  - **`mount -t tmpfs none /proc/self/fd/3` mounts over `/`:** with fd 3 a
    detached clone, the new tmpfs is stacked on the root of the namespace.
    `/proc/self/fd/3/x` becomes `/x`, which does not exist, so `mount(8)`
    passes that path as typed, and the kernel refuses to add a mount to a
    tree outside the caller's namespace (`EINVAL`).
  - **`umount -l /proc/self/fd/3` unmounts `/`:** the lazy form makes
    `umount(8)` look the canonical name up in mountinfo, finds `/`, and
    detaches the whole namespace tree; without `-l` the typed path reaches the
    kernel, which sees the clone and answers "not mounted.".

  Scenario: mount --bind of a lazily unmounted mount's /proc/self/fd path binds the root
    When the shell session runs:
      """
      # mkdir /mnt/a /b
      # mount -t tmpfs none /mnt/a
      # exec 3</mnt/a
      # umount -l /mnt/a
      # mount --bind /proc/self/fd/3 /b
      # ls /b
      # mount --move /proc/self/fd/3 /b
      """
    Then "mount --bind /proc/self/fd/3 /b" succeeds
    And "ls /b" prints on stdout:
      """
      b
      bin
      lib
      lib64
      mnt
      proc
      run
      """
    And after "mount --bind /proc/self/fd/3 /b" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /b tmpfs none on /
      """
    And "mount --move /proc/self/fd/3 /b" exits with status 32
    And "mount --move /proc/self/fd/3 /b" prints on stderr:
      """
      mount: /b: mount(2) system call failed: Too many levels of symbolic links.
             dmesg(1) may have more information after failed mount system call.
      """

  Scenario: mount -t tmpfs on a clone's /proc/self/fd path mounts over the root
    When the shell session runs:
      """
      # mkdir /mnt/x
      # open_tree_clone 3</mnt 3 sh
      # mount -t tmpfs none /proc/self/fd/3
      # mount -t tmpfs none /proc/self/fd/3/x
      """
    Then "mount -t tmpfs none /proc/self/fd/3" succeeds
    And after "mount -t tmpfs none /proc/self/fd/3" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      / tmpfs none on /
      """
    And "mount -t tmpfs none /proc/self/fd/3/x" exits with status 32
    And "mount -t tmpfs none /proc/self/fd/3/x" prints on stderr:
      """
      mount: /proc/self/fd/3/x: wrong fs type, bad option, bad superblock on none, missing codepage or helper program, or other error.
             dmesg(1) may have more information after failed mount system call.
      """

  Scenario: umount -l of a clone's /proc/self/fd path detaches the namespace root
    When the shell session runs:
      """
      # open_tree_clone 3</mnt 3 sh
      # umount /proc/self/fd/3
      # umount -l /proc/self/fd/3
      # cat /proc/self/mountinfo
      """
    Then "umount /proc/self/fd/3" exits with status 32
    And "umount /proc/self/fd/3" prints on stderr:
      """
      umount: /proc/self/fd/3: not mounted.
      """
    And "umount -l /proc/self/fd/3" succeeds
    And "cat /proc/self/mountinfo" exits with status 1
    And "cat /proc/self/mountinfo" prints on stderr:
      """
      cat: /proc/self/mountinfo: No such file or directory
      """
