// Finding a command's result by what the scenario calls it, and turning
// mountinfo into the comparable table the mount-table steps speak.

import type { CommandResult } from '../../engine/transcript/types';
import { parseMountinfo } from '../../engine/userspace/mountinfo';

/** A reference to a command line: its text, and which occurrence (1-based) when it repeats. */
export interface CommandRef {
  readonly text: string;
  readonly occurrence: number | null;
}

function withoutComment(command: string): string {
  return command.replace(/\s+#.*$/, '').trim();
}

/** The result of the command the step names; a clear error when it is missing or ambiguous. */
export function findResult(results: readonly CommandResult[] | null, ref: CommandRef): CommandResult {
  if (!results) throw new Error('no session has run yet: start the scenario with "When the shell session runs:"');
  const matches = results.filter((r) => r.command === ref.text || withoutComment(r.command) === ref.text);
  if (matches.length === 0) throw new Error(`the session has no command "${ref.text}"; it ran:\n${results.map((r) => `  # ${r.command}`).join('\n')}`);
  if (ref.occurrence === null) {
    if (matches.length > 1) throw new Error(`"${ref.text}" runs ${matches.length} times in the session: say which, e.g. 'the 2nd "${ref.text}"'`);
    return matches[0]!;
  }
  const match = matches[ref.occurrence - 1];
  if (!match) throw new Error(`"${ref.text}" runs only ${matches.length} time(s) in the session`);
  return match;
}

/** How a result reads in a failure message. */
export function describe(r: CommandResult): string {
  const status = r.stuck && r.status === null ? 'never returned (stuck)' : r.status === null ? 'still running (a nested shell)' : `exit status ${r.status}`;
  const parts = [`# ${r.command}  → ${status}`];
  if (r.stdout) parts.push(`stdout: ${JSON.stringify(r.stdout)}`);
  if (r.stderr) parts.push(`stderr: ${JSON.stringify(r.stderr)}`);
  if (r.kernel.length) parts.push(`kernel log:\n    ${r.kernel.join('\n    ')}`);
  return parts.join('\n  ');
}

/**
 * mountinfo as "MOUNTPOINT FSTYPE SOURCE [on PARENT-MOUNTPOINT]" lines, in
 * mountinfo's order: ids and device numbers differ between kernels, so
 * parents are named by their mountpoint. With `propagation`, each line
 * ends with mountinfo's optional fields (shared:N, master:N,
 * propagate_from:N, unbindable); peer group ids are global to a kernel, so
 * they are renumbered 1, 2, ... in order of appearance.
 */
export function mountTable(mountinfo: string, options: { propagation?: boolean } = {}): string[] {
  const groups = new Map<string, number>();
  const renumber = (id: string) => groups.get(id) ?? (groups.set(id, groups.size + 1), groups.size);
  const rows = parseMountinfo(mountinfo).map((entry) => {
    const optional = entry.optionalFields.map((field) => field.replace(/^(shared|master|propagate_from):(\d+)$/, (_, tag: string, id: string) => `${tag}:${renumber(id)}`));
    return { id: entry.id, parent: entry.parent, mountpoint: entry.mountPoint, fstype: entry.fsType, source: entry.source, optional };
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows.map((r) => {
    const parent = byId.get(r.parent);
    const base = `${r.mountpoint} ${r.fstype} ${r.source}${parent ? ` on ${parent.mountpoint}` : ''}`;
    return options.propagation && r.optional.length ? `${base} ${r.optional.join(' ')}` : base;
  });
}
