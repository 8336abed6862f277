// The differential check: one transcript on two backends (the mainline model
// and the live kernel), command by command. Agreement means the same status,
// stdout, stderr, stuckness, and the same mount table once the numbers that
// only say "which instance" (mount ids, device numbers, peer group ids) are
// renumbered in order of appearance. Peer group ids come from one IDA for
// the whole host, so the live kernel's are whatever was free.

import { DialectError, type CommandResult, type TranscriptLine } from '../engine/transcript/types';
import { renumberStatmountIds } from './renumber-ids';

const MOUNTINFO_LINE = /^(\d+) (\d+) (\d+:\d+) (.*)$/;

/** The optional fields that name a peer group: shared:N, master:N, propagate_from:N. */
const GROUP_FIELD = /\b(shared|master|propagate_from):(\d+)\b/g;

/**
 * mountinfo with mount ids, device numbers and peer group ids renumbered in
 * order of appearance, so two kernels' tables compare field by field (root,
 * mountpoint, options, propagation, fstype, source, parent and superblock
 * sharing).
 */
export function renumberMountinfo(text: string): string {
  const ids = new Map<string, string>();
  const devs = new Map<string, string>();
  const groups = new Map<string, string>();
  const group = (g: string) => groups.get(g) ?? (groups.set(g, `G${groups.size + 1}`), groups.get(g)!);
  const optional = (rest: string) => {
    const cut = rest.indexOf(' - ');
    const head = cut < 0 ? rest : rest.slice(0, cut);
    return head.replace(GROUP_FIELD, (_, tag: string, n: string) => `${tag}:${group(n)}`) + (cut < 0 ? '' : rest.slice(cut));
  };
  const lines = text.split('\n');
  for (const line of lines) {
    const m = MOUNTINFO_LINE.exec(line);
    if (m && !ids.has(m[1]!)) ids.set(m[1]!, `M${ids.size + 1}`);
  }
  const id = (n: string) => ids.get(n) ?? 'M?';
  const dev = (d: string) => devs.get(d) ?? (devs.set(d, `D${devs.size + 1}`), devs.get(d)!);
  return lines.map((line) => {
    const m = MOUNTINFO_LINE.exec(line);
    return m ? `${id(m[1]!)} ${id(m[2]!)} ${dev(m[3]!)} ${optional(m[4]!)}` : line;
  }).join('\n');
}

export interface Disagreement {
  readonly index: number;
  readonly command: string;
  readonly field: string;
  readonly model: unknown;
  readonly live: unknown;
}

/** Where two runs of one transcript part ways (the first difference of each command). */
export function disagreements(model: readonly CommandResult[], live: readonly CommandResult[]): Disagreement[] {
  const out: Disagreement[] = [];
  model.forEach((m, index) => {
    const l = live[index];
    if (!l) {
      out.push({ index, command: m.command, field: 'missing', model: m, live: undefined });
      return;
    }
    const fields: [string, unknown, unknown][] = [
      ['stuck', m.stuck, l.stuck],
      ['status', m.status, l.status],
      ['stdout', renumberStatmountIds(renumberMountinfo(m.stdout)), renumberStatmountIds(renumberMountinfo(l.stdout))],
      ['stderr', m.stderr, l.stderr],
      ['mount table', renumberMountinfo(m.mountinfo), renumberMountinfo(l.mountinfo)],
    ];
    const differing = fields.find(([, a, b]) => a !== b);
    if (differing) out.push({ index, command: m.command, field: differing[0], model: differing[1], live: differing[2] });
  });
  return out;
}

export function describeDisagreement(d: Disagreement): string {
  return `command ${d.index + 1} "${d.command}": ${d.field} differs\n  mainline: ${JSON.stringify(d.model)}\n  live:     ${JSON.stringify(d.live)}`;
}

/** One transcript of the spec, by scenario (`features/x.feature:12 name`). */
export interface NamedTranscript {
  readonly name: string;
  readonly lines: readonly TranscriptLine[];
}

/**
 * The referee's verdict: each transcript's recorded live results held
 * against the mainline model's, command by command. One problem per
 * transcript that disagrees (or whose live run broke), naming the scenario,
 * the command and the field. A transcript outside the dialect is the
 * columns' problem (both refuse it), not a disagreement.
 */
export async function differentialProblems(
  transcripts: readonly NamedTranscript[],
  mainline: (lines: readonly TranscriptLine[]) => Promise<CommandResult[]>,
  live: (lines: readonly TranscriptLine[]) => CommandResult[] | Error | undefined,
): Promise<string[]> {
  const problems: string[] = [];
  for (const transcript of transcripts) {
    const recorded = live(transcript.lines);
    if (recorded instanceof DialectError) continue;
    if (recorded === undefined) {
      problems.push(`mainline ≠ live: ${transcript.name}: no live run was recorded`);
      continue;
    }
    if (recorded instanceof Error) {
      problems.push(`mainline ≠ live: ${transcript.name}: the live run failed: ${recorded.message}`);
      continue;
    }
    let model: CommandResult[];
    try {
      model = await mainline(transcript.lines);
    } catch (error) {
      if (error instanceof DialectError) continue;
      throw error;
    }
    const found = disagreements(model, recorded);
    if (found.length) problems.push(`mainline ≠ live: ${transcript.name}:\n${found.map(describeDisagreement).join('\n')}`);
  }
  return problems;
}
