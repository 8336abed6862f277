// /proc/self/mountinfo rows (proc(5)), for the live kernel, whose state the
// run cannot look into: the site shows the table the kernel printed.

export interface MountinfoRow {
  readonly id: string;
  readonly parent: string;
  readonly root: string;
  readonly mountpoint: string;
  readonly options: string;
  /** Optional fields: `shared:N`, `master:N`, … */
  readonly optional: string;
  readonly fstype: string;
  readonly source: string;
}

/** `\040`-style escapes as the kernel writes them (show_mountinfo → seq_escape). */
function unescape(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

export function parseMountinfo(text: string): MountinfoRow[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const fields = line.split(' ');
      const dash = fields.indexOf('-');
      const [id = '', parent = '', , root = '', mountpoint = '', options = ''] = fields;
      const after = dash === -1 ? [] : fields.slice(dash + 1);
      return {
        id,
        parent,
        root: unescape(root),
        mountpoint: unescape(mountpoint),
        options,
        optional: dash === -1 ? '' : fields.slice(6, dash).join(' '),
        fstype: after[0] ?? '',
        source: unescape(after[1] ?? ''),
      };
    });
}
