// The one reader of /proc/PID/mountinfo (proc(5)) for everything on the
// user side of the syscall line: mount(8) and umount(8) in the model, the
// steps, the site. The kernel writes the path fields and the source through
// mangle(): space, tab, newline and backslash as three-digit octal escapes
// (\040 \011 \012 \134); the reader decodes them, as libmount does.
// After util-linux 2.38 libmount/src/tab_parse.c:mnt_parse_mountinfo_line()
// and lib/mangle.c:unmangle_to_buffer(); the format is fs/proc_namespace.c:show_mountinfo().

/** One line of mountinfo, its fields decoded. */
export interface MountinfoEntry {
  /** (1) the mount id. */
  readonly id: string;
  /** (2) the parent's mount id (the mount's own for a namespace root seen from outside). */
  readonly parent: string;
  /** (3) major:minor of the superblock. */
  readonly dev: string;
  /** (4) the mount's root within its filesystem. */
  readonly root: string;
  /** (5) where it is mounted, relative to the reader's root. */
  readonly mountPoint: string;
  /** (6) per-mount options: "rw,nosuid,relatime". */
  readonly mountOptions: string;
  /** (7) optional fields: shared:N, master:N, propagate_from:N, unbindable. */
  readonly optionalFields: readonly string[];
  /** (9) filesystem type. */
  readonly fsType: string;
  /** (10) mount source ("none", "proc", a device). */
  readonly source: string;
  /** (11) superblock options. */
  readonly superOptions: string;
}

/** Undo the kernel's mangle(): every backslash and three octal digits is that byte. */
export function unmangle(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** One mountinfo line, or null for a line that is not one (too few fields). */
export function parseMountinfoLine(line: string): MountinfoEntry | null {
  const fields = line.split(' ');
  if (fields.length < 6) return null;
  const separator = fields.indexOf('-', 6);
  const [id = '', parent = '', dev = '', root = '', mountPoint = '', mountOptions = ''] = fields;
  const after = separator < 0 ? [] : fields.slice(separator + 1);
  return {
    id,
    parent,
    dev,
    root: unmangle(root),
    mountPoint: unmangle(mountPoint),
    mountOptions,
    optionalFields: fields.slice(6, separator < 0 ? fields.length : separator),
    fsType: unmangle(after[0] ?? ''),
    source: unmangle(after[1] ?? ''),
    superOptions: unmangle(after[2] ?? ''),
  };
}

/** Every entry of a mountinfo text, in its order; blank and malformed lines are skipped. */
export function parseMountinfo(text: string): MountinfoEntry[] {
  const entries: MountinfoEntry[] = [];
  for (const line of text.split('\n')) {
    const entry = line.trim() === '' ? null : parseMountinfoLine(line);
    if (entry) entries.push(entry);
  }
  return entries;
}
