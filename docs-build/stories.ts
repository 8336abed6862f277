// The thread's stories, each kernel's in one line, generated from the run:
// what the commands that matter did ("`mount --move . /mnt` succeeds, then
// `umount -l /mnt` soft-locks in pin_kill"; "`mount --move . /mnt` fails:
// EINVAL, status 32"). A story is a feature of the `thread` area; its line
// comes from its first scenario's session on that kernel.

import { ERRNO } from '../engine/errno';
import { byArea } from './areas';
import type { Cell, Feature, Spec } from './model';
import { outcomeView, type OutcomeView } from './outcomes';
import type { CommandRun } from './session';

/** What util-linux prints for an errno when it does not print strerror(3). */
const TOOL_PHRASES: readonly [RegExp, string][] = [
  [/target is busy/, 'EBUSY'],
  [/wrong fs type, bad option, bad superblock/, 'EINVAL'],
  [/must be superuser/, 'EPERM'],
  [/not mounted/, 'EINVAL'],
];

const ERRNO_TEXTS = Object.entries(ERRNO).map(([name, { text }]) => [name, text] as const);

/** The errno name a command's error output stands for, if any. */
export function errnoOf(stderr: string): string | null {
  if (stderr === '') return null;
  for (const [name, text] of ERRNO_TEXTS) if (stderr.includes(text)) return name;
  return TOOL_PHRASES.find(([re]) => re.test(stderr))?.[1] ?? null;
}

/** A story line in pieces: prose, and the commands it names (the site shows those as code). */
export type StoryPart = string | { readonly command: string };

/** `exec 3<&- # close FD 3` → `exec 3<&-`. */
const shown = (command: string): StoryPart => ({ command: command.replace(/\s+#\s.*$/, '') });

/** The line as Markdown-like text, commands in backticks: for tests and plain-text readers. */
export function storyText(parts: readonly StoryPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : `\`${p.command}\``)).join('');
}

/** Where a soft lockup was stuck: the RIP line of the kernel log. */
function stuckIn(r: CommandRun): string | null {
  return /RIP: \S+:([\w.]+)/.exec(r.kernel.join('\n'))?.[1]?.replace(/\+0x.*$/, '') ?? null;
}

function failure(r: CommandRun): StoryPart[] {
  if (r.stuck) return [shown(r.command), ` soft-locks${stuckIn(r) ? ` in ${stuckIn(r)}` : ''}`];
  const errno = errnoOf(r.stderr);
  return [shown(r.command), ` fails: ${errno ? `${errno}, ` : ''}status ${r.status}`];
}

const MOUNTING = /^(mount|umount|umount2|move_mount|unshare)\b/;
const TRIVIAL = /^(exit|cd|ls|cat|pwd|echo|true|false|mkdir|touch|sh)\b/;

/** The last command that succeeded and mattered: a mount-table change if any, else anything but shell chores. */
function keyCommand(results: readonly CommandRun[]): CommandRun | undefined {
  const ok = results.filter((r) => r.status === 0 && !r.stuck);
  return ok.filter((r) => MOUNTING.test(r.command)).pop() ?? ok.filter((r) => !TRIVIAL.test(r.command)).pop();
}

/** One line for a session: the commands that failed or hung, each after the one that set it up. */
export function storyLine(results: readonly CommandRun[]): StoryPart[] {
  const clauses: StoryPart[][] = [];
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    const bad = r.stuck || (r.status !== null && r.status !== 0);
    if (!bad) continue;
    const setup = clauses.length ? undefined : keyCommand(results.slice(0, i));
    if (setup) clauses.push([shown(setup.command), ' succeeds']);
    clauses.push(failure(r));
    if (r.stuck) break; // nothing after it ran
  }
  if (clauses.length === 0) {
    const key = keyCommand(results);
    return key ? ['every command succeeds, ', shown(key.command), ' among them'] : ['every command succeeds'];
  }
  return clauses.flatMap((clause, i) => (i === 0 ? clause : [', then ', ...clause]));
}

export interface StoryCell {
  readonly kernel: string;
  readonly label: string;
  readonly line: readonly StoryPart[];
  readonly outcome: OutcomeView;
  readonly ok: boolean;
  readonly href: string;
}

function cellLine(cell: Cell): StoryPart[] {
  if (cell.session) return storyLine(cell.session.results);
  if (cell.outcome === 'not applicable') return ['does not apply'];
  if (cell.outcome === 'skipped') return ['not run here (skipped)'];
  return ['no result'];
}

/** Each kernel's line for a feature's first scenario. */
export function storyCells(spec: Spec, feature: Feature, root: string, onItsPage = false): StoryCell[] {
  const scenario = feature.scenarios[0];
  if (!scenario) return [];
  return scenario.cells.map((c, i) => ({ kernel: c.kernel, label: spec.kernels[i]?.label ?? c.kernel, line: cellLine(c), outcome: outcomeView(c.outcome, c.status), ok: c.ok, href: `${onItsPage ? '' : `${root}${feature.page}`}#${scenario.anchor}-${c.kernel}` }));
}

/** The stories table: the thread area's features × kernels; null without a thread area. */
export function storiesView(spec: Spec) {
  const thread = byArea(spec.features).find((a) => a.folder === 'thread');
  if (!thread) return null;
  return {
    kernels: spec.kernels,
    rows: thread.features.map((f) => ({ name: f.name, href: `${f.page}`, scenario: f.scenarios[0]?.name ?? '', cells: storyCells(spec, f, '') })),
  };
}

export const isStory = (feature: Feature) => feature.uri.startsWith('features/thread/');
