// Breadth-first search over command sequences: every state reachable in at
// most `depth` commands of the alphabet, each distinct state (canonical.ts)
// expanded once, the five properties (properties.ts) checked on every step.
// Breadth first, so the first violation of a property found is a shortest
// one; ties go to the alphabet's order, so results are deterministic.

import { ModelSession } from '../shell/session';
import type { Variant, VariantId } from '../kernel/variants';
import { resolveVariant } from '../kernel/variants';
import { applicable } from './alphabet';
import { sessionFlags, shellsOf, stateKey } from './canonical';
import { forkSession } from './fork';
import { checkStep, type PropertyId, type StepOutcome, type Violation } from './properties';

export interface Counterexample {
  readonly property: PropertyId;
  /** The commands after the setup, the last of which broke the property. */
  readonly commands: readonly string[];
  readonly violation: Violation;
}

export interface SearchOptions {
  readonly variant: VariantId | Variant;
  readonly alphabet: readonly string[];
  /** Commands run once before the search (alphabet.ts's worldSetup()); not counted in depths. */
  readonly setup?: readonly string[];
  readonly depth: number;
  /** Deterministic split: this run expands only the states at `splitDepth` whose index (in BFS order) is i mod n. */
  readonly shard?: { readonly i: number; readonly n: number };
  readonly splitDepth?: number;
  /** 'fork' (default) or 'replay': how a state's children are reached (fork.ts says why fork). */
  readonly strategy?: 'fork' | 'replay';
  /** Keep every state's key and one sequence reaching it (for merging shards and the live check). */
  readonly keepStates?: boolean;
  readonly onProgress?: (p: Progress) => void;
}

export interface Progress {
  readonly depth: number;
  readonly states: number;
  readonly elapsedMs: number;
}

export interface SearchResult {
  readonly variant: string;
  readonly depth: number;
  readonly alphabet: readonly string[];
  readonly setup: readonly string[];
  /** Distinct states met (the initial one included). */
  readonly states: number;
  /** Steps run (every command tried from every expanded state). */
  readonly steps: number;
  /** Distinct states first met at each depth (index = depth). */
  readonly perDepth: readonly number[];
  /** The shortest counterexample of each violated property. */
  readonly counterexamples: Partial<Record<PropertyId, Counterexample>>;
  /** With keepStates: key → the command sequence (alphabet indices) that first reached it. */
  readonly stateSequences?: Map<string, number[]>;
  readonly elapsedMs: number;
}

const place = (command: string, line: number) => ({ command, file: '<explore>', line });

/** Run one command, catching what the model throws (an engine bug is property 5's business). */
export function step(session: ModelSession, command: string, line: number): StepOutcome {
  try {
    return { result: session.run(place(command, line)) };
  } catch (error) {
    return { error };
  }
}

/** A fresh session after `sequence` (alphabet indices). */
export function replay(variant: VariantId | Variant, alphabet: readonly string[], sequence: readonly number[], setup: readonly string[] = []): ModelSession {
  const session = new ModelSession(variant, { snapshots: false }); // the properties read the kernel itself
  setup.forEach((c, i) => session.run(place(c, i + 1)));
  sequence.forEach((w, i) => session.run(place(alphabet[w]!, setup.length + i + 1)));
  return session;
}

export function search(o: SearchOptions): SearchResult {
  const started = performance.now();
  const variant = resolveVariant(o.variant);
  const splitDepth = o.splitDepth ?? 2;
  const counterexamples: SearchResult['counterexamples'] = {};
  const setup = o.setup ?? [];
  const root = replay(variant, o.alphabet, [], setup);
  const visited = new Map<string, number[]>([[stateKey(root), []]]);
  const perDepth = [1];
  let steps = 0;
  let frontier: number[][] = [[]];
  let lastProgress = 0;
  for (let depth = 1; depth <= o.depth && frontier.length > 0; depth++) {
    if (o.shard && depth - 1 === splitDepth) frontier = frontier.filter((_, i) => i % o.shard!.n === o.shard!.i);
    const next: number[][] = [];
    for (const sequence of frontier) {
      const parent = replay(variant, o.alphabet, sequence, setup);
      const shellDepth = shellsOf(parent).length;
      for (let w = 0; w < o.alphabet.length; w++) {
        const word = o.alphabet[w]!;
        if (!applicable(word, shellDepth)) continue;
        const child = o.strategy === 'replay' ? replay(variant, o.alphabet, sequence, setup) : forkSession(parent);
        const outcome = step(child, word, depth);
        steps++;
        const childSequence = [...sequence, w];
        for (const v of checkStep(child, outcome)) {
          counterexamples[v.property] ??= { property: v.property, commands: childSequence.map((i) => o.alphabet[i]!), violation: v };
        }
        if ('error' in outcome) continue; // the model broke: nothing after it means anything
        const key = stateKey(child);
        if (visited.has(key)) continue;
        visited.set(key, o.keepStates ? childSequence : []);
        perDepth[depth] = (perDepth[depth] ?? 0) + 1;
        const flags = sessionFlags(child);
        if (!flags.stuck && !flags.ended) next.push(childSequence);
      }
      const now = performance.now();
      if (o.onProgress && now - lastProgress > 1000) {
        lastProgress = now;
        o.onProgress({ depth, states: visited.size, elapsedMs: now - started });
      }
    }
    perDepth[depth] ??= 0;
    frontier = next;
  }
  return {
    variant: variant.id,
    depth: o.depth,
    alphabet: o.alphabet,
    setup,
    states: visited.size,
    steps,
    perDepth,
    counterexamples,
    ...(o.keepStates ? { stateSequences: visited } : {}),
    elapsedMs: performance.now() - started,
  };
}
