Feature: MOUNT_ATTR_IDMAP: who may idmap which mount
  Ported, in our own words, from the kernel selftest
  `tools/testing/selftests/mount_setattr/mount_setattr_test.c`
  (`mount_attr_invalid_userns_fd` ... `idmap_mount_tree_invalid`,
  `mount_attr_wrong_user_namespace`, `attached_mount_inside_detached_tree`):
  the checks of `build_mount_idmapped()` and `can_idmap_mount()` (6.18).

  `MOUNT_ATTR_IDMAP` in `attr_set` with `userns_fd` makes a mount show
  files through a user namespace's id mapping (5.12; tmpfs supports it
  since 6.3). In the dialect: `+idmap:N`, N an fd opened on a user
  namespace file, `exec 5</proc/self/ns/user`. The checks, in order:

  - **The fd:** no such fd is `EBADF`, and so is an `O_PATH` fd (an
    `open_tree` fd), which `fdget()` does not hand out; a file that is not a namespace file
    (`/mnt`) is `EINVAL`; the initial user namespace is `EPERM` (its
    mapping is what "not idmapped" means); a namespace we are not
    capable in is `EPERM`.
  - **Taking an idmapping off (`-idmap`)** is only for `open_tree_attr`'s
    fresh copy: `mount_setattr` answers `EINVAL`.
  - **The mount:** the filesystem's own user namespace is `EINVAL`
    ("mushy semantics"); a superblock of a user namespace we do not
    control is `EPERM`; a mount already attached is `EINVAL`: only a
    detached tree may be idmapped, before anyone has seen it.

  The fd itself is no path: `readlink /proc/self/fd/N` says `user:[INUM]`,
  so mount(8), which canonicalises what it is given, keeps the name as typed;
  and the file itself is on nsfs, which a bind can put onto a file (`ip
  netns` keeps namespaces alive that way)
  (on every kernel; the other scenarios need `mount_setattr`, which ver #12
  lacks: hence their `@fails-on` tags).

  A successful idmapping needs an fd on a user namespace below ours whose
  creator is gone or elsewhere, and none of the dialect's tools can make
  one that the parent shell holds: the shell that `unshare -Urm` starts can
  open its own namespace, but the shell above it waits and never gets that
  fd (util-linux 2.38's `unshare --user=FILE`, which would bind the
  namespace to a file, fails with `EPERM` on this machine). The model's
  success path is covered by a unit test, `engine/namespace/do-mount-setattr.test.ts`.

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: the userns fd must be a user namespace file, and not the initial namespace's
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # exec 5</proc/self/ns/user
      # exec 6</mnt
      # mount_setattr /mnt/a +idmap:9
      # mount_setattr /mnt/a +idmap:6
      # mount_setattr /mnt/a +idmap:5
      # mount_setattr /mnt/a -idmap
      # open_tree 7</mnt 7 mount_setattr /mnt/a +idmap:7
      """
    Then "mount_setattr /mnt/a +idmap:9" prints on stderr:
      """
      mount_setattr: Bad file descriptor
      """
    And "mount_setattr /mnt/a +idmap:6" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "mount_setattr /mnt/a +idmap:5" prints on stderr:
      """
      mount_setattr: Operation not permitted
      """
    And "mount_setattr /mnt/a -idmap" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "open_tree 7</mnt 7 mount_setattr /mnt/a +idmap:7" prints on stderr:
      """
      mount_setattr: Bad file descriptor
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: in a user namespace, its own tmpfs cannot be idmapped with its own mapping, detached or not
    When the shell session runs:
      """
      # unshare -Urm
      # exec 5</proc/self/ns/user
      # mkdir /mnt/b
      # mount -t tmpfs none /mnt/b
      # mount_setattr /mnt/b +idmap:5
      # open_tree_clone 4</mnt/b 4 sh
      # mount_setattr -e 4 +idmap:5
      # exit
      # exit
      """
    Then "mount_setattr /mnt/b +idmap:5" prints on stderr:
      """
      mount_setattr: Invalid argument
      """
    And "mount_setattr -e 4 +idmap:5" prints on stderr:
      """
      mount_setattr: Invalid argument
      """

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: a user namespace may not idmap a detached tree of a superblock it does not control
    When the shell session runs:
      """
      # mkdir /mnt/a
      # mount -t tmpfs none /mnt/a
      # open_tree_clone 3</mnt/a 3 unshare -Urm
      # exec 5</proc/self/ns/user
      # mount_setattr -e 3 +idmap:5
      # mount_setattr -e 3 +ro
      # exit
      """
    Then "mount_setattr -e 3 +idmap:5" prints on stderr:
      """
      mount_setattr: Operation not permitted
      """
    And "mount_setattr -e 3 +ro" succeeds

  @fails-on:v12 @fails-on:v12-move-fix @fails-on:v12-both-fixes
  Scenario: a nested user namespace may not idmap with its parent's namespace, checked before the path
    When the shell session runs:
      """
      # unshare -Urm
      # exec 5</proc/self/ns/user
      # unshare -Urm
      # mkdir /mnt/c
      # mount -t tmpfs none /mnt/c
      # open_tree_clone 4</mnt/c 4 sh
      # mount_setattr -e 4 +idmap:5
      # mount_setattr /nope +idmap:5
      # exit
      # exit
      # exit
      """
    Then "mount_setattr -e 4 +idmap:5" prints on stderr:
      """
      mount_setattr: Operation not permitted
      """
    And "mount_setattr /nope +idmap:5" prints on stderr:
      """
      mount_setattr: Operation not permitted
      """

  Scenario: an fd on a user namespace file is no path: mount(8) names it as given, and the file binds onto a file
    When the shell session runs:
      """
      # exec 4</proc/self/ns/user
      # mount --make-private /proc/self/fd/4
      # touch /mnt/f
      # mount --bind /proc/self/ns/user /mnt/f
      """
    Then "mount --make-private /proc/self/fd/4" exits with status 32
    And "mount --make-private /proc/self/fd/4" prints on stderr:
      """
      mount: /proc/self/fd/4: not mount point or bad option.
             dmesg(1) may have more information after failed mount system call.
      """
    And "mount --bind /proc/self/ns/user /mnt/f" succeeds
    And after "mount --bind /proc/self/ns/user /mnt/f" the mount table is:
      """
      / tmpfs none
      /proc proc proc on /
      /mnt tmpfs none on /
      /mnt/f nsfs nsfs on /mnt
      """
