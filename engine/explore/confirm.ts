// A counterexample is believed only once it has been run again from
// scratch: through `mountspec run` (what a user sees: the command that
// never returns) and in a fresh session (no fork) with the property checked
// after every command, as the search did.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isModelVariant, type Variant } from '../kernel/variants';
import { ModelSession } from '../shell/session';
import { checkStep, type PropertyId, type Violation } from './properties';
import { step } from './search';

/** The first command (0-based) at which `property` breaks when `commands` (setup included) run from the initial state, or null. */
export function firstViolation(variant: Variant, commands: readonly string[], property: PropertyId): { index: number; violation: Violation } | null {
  const session = new ModelSession(variant);
  for (const [i, command] of commands.entries()) {
    const outcome = step(session, command, i + 1);
    const v = checkStep(session, outcome).find((x) => x.property === property);
    if (v) return { index: i, violation: v };
    if ('error' in outcome) return null;
  }
  return null;
}

export interface Confirmation {
  /** The fresh replay broke the property at the same (last) command. */
  readonly replayed: boolean;
  /** What `mountspec run --kernel V --json` said of the last command, for registered variants. */
  readonly run: { readonly status: number | null; readonly stuck: boolean; readonly kernel: readonly string[] } | null;
}

export async function confirm(variant: Variant, commands: readonly string[], property: PropertyId): Promise<Confirmation> {
  const found = firstViolation(variant, commands, property);
  const replayed = found !== null && found.index === commands.length - 1;
  if (!isModelVariant(variant.id)) return { replayed, run: null };
  const dir = mkdtempSync(path.join(tmpdir(), 'mountspec-explore-'));
  try {
    const file = path.join(dir, 'counterexample.txt');
    writeFileSync(file, commands.map((c) => `# ${c}\n`).join(''));
    const { main } = require('../cli') as typeof import('../cli');
    let out = '';
    const status = await main(['run', '--kernel', variant.id, '--json', file], { out: (t) => void (out += t), err: () => {} });
    if (status !== 0) return { replayed, run: null };
    const last = out.trim().split('\n').map((l) => JSON.parse(l) as { status: number | null; stuck: boolean; kernel: string[] }).at(-1)!;
    return { replayed, run: { status: last.status, stuck: last.stuck, kernel: last.kernel } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
