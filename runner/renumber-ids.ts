// statmount's and listmount's output (engine/shell/programs/statmount.ts)
// with the numbers that only say "which instance" renumbered in order of
// appearance, as renumberMountinfo does for mountinfo: unique mount ids
// U1.., reused ids M1.., namespace ids N1.., devices D1.., peer groups G1..
// (0, "none", stays 0). Lines of any other shape are left alone.

const STATMOUNT_LINE = /^(mnt_id|parent_id|mnt_id_old|parent_id_old|mnt_ns_id|sb_dev|peer_group|master|propagate_from): (\S+)$/;
/** A listmount line: a unique id (above 2^31), then the mount point if it has one. */
const LISTMOUNT_LINE = /^(\d{10,20})( .*)?$/;

const CLASS: Readonly<Record<string, string>> = {
  mnt_id: 'U',
  parent_id: 'U',
  mnt_id_old: 'M',
  parent_id_old: 'M',
  mnt_ns_id: 'N',
  sb_dev: 'D',
  peer_group: 'G',
  master: 'G',
  propagate_from: 'G',
};

export function renumberStatmountIds(text: string): string {
  const maps = new Map<string, Map<string, string>>();
  const token = (cls: string, value: string) => {
    if (value === '0' && cls === 'G') return value;
    let map = maps.get(cls);
    if (!map) maps.set(cls, (map = new Map()));
    if (!map.has(value)) map.set(value, `${cls}${map.size + 1}`);
    return map.get(value)!;
  };
  return text
    .split('\n')
    .map((line) => {
      const field = STATMOUNT_LINE.exec(line);
      if (field) return `${field[1]}: ${token(CLASS[field[1]!]!, field[2]!)}`;
      const listed = LISTMOUNT_LINE.exec(line);
      if (listed) return `${token('U', listed[1]!)}${listed[2] ?? ''}`;
      return line;
    })
    .join('\n');
}
