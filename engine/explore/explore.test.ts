import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VARIANTS } from '../kernel/variants';
import { ModelSession } from '../shell/session';
import { applicable, buildAlphabet, DEFAULT_ALPHABET, worldSetup } from './alphabet';
import { canonicalForm, shellsOf, stateKey } from './canonical';
import { exploreCommand } from './cli';
import { forkSession } from './fork';
import { merge } from './parallel';
import { PROPERTIES, type PropertyId } from './properties';
import { replay, search, step } from './search';
import { parseVariant } from './variant-expr';

const alphabet = buildAlphabet(DEFAULT_ALPHABET);
const setup = worldSetup(DEFAULT_ALPHABET);

test('every property can fail: a variant with a broken rule trips each one, with a shortest counterexample', () => {
  const trips: Record<PropertyId, [string, number]> = {
    lockup: ['v12', 4], // the series as posted: the thread's bug
    disconnect: ['v12', 4],
    refcount: ['v12+mutant-dissolve-skips-mntget', 3],
    leak: ['mainline+mutant-namespace-unlock-keeps-mounts', 2],
    invariants: ['mainline+mutant-umount-tree-keeps-ns-list', 2],
  };
  for (const p of PROPERTIES) {
    const [expr, depth] = trips[p.id];
    const r = search({ variant: parseVariant(expr), alphabet, setup, depth });
    const c = r.counterexamples[p.id];
    assert.ok(c, `${expr} should break (${p.n}) ${p.id} within ${depth} commands`);
    assert.ok(c.commands.length <= depth);
    assert.ok(c.violation.summary.length > 0);
  }
});

test("v12's shortest soft lockup is mount-then-close, 4 commands, with pin_kill's call trace", () => {
  const r = search({ variant: 'v12', alphabet, setup, depth: 4 });
  const c = r.counterexamples.lockup!;
  assert.deepEqual(c.commands, ['open_tree_clone 3</mnt 3 sh', 'move_mount 3 /mnt', 'umount -l /mnt', 'exit']);
  assert.ok(c.violation.evidence.includes(' pin_kill') && c.violation.evidence.includes(' group_pin_kill'));
  assert.equal(r.counterexamples.refcount, undefined);
});

test('the mainline model breaks no property within 3 commands', () => {
  const r = search({ variant: 'mainline', alphabet, setup, depth: 3 });
  assert.deepEqual(r.counterexamples, {});
  assert.equal(r.states, r.perDepth.reduce((a, b) => a + b, 0));
});

test('a forked session behaves as a fresh replay of the same commands (pseudo-random sequences)', () => {
  let seed = 12345;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (const variant of ['v12', 'mainline'] as const) {
    for (let run = 0; run < 40; run++) {
      let forked = replay(variant, alphabet, [], setup);
      const sequence: number[] = [];
      for (let i = 0; i < 6; i++) {
        const candidates = alphabet.map((_, w) => w).filter((w) => applicable(alphabet[w]!, shellsOf(forked).length));
        const w = candidates[random(candidates.length)]!;
        forked = forkSession(forked);
        const a = step(forked, alphabet[w]!, i + 1);
        sequence.push(w);
        const fresh = replay(variant, alphabet, sequence.slice(0, -1), setup);
        const b = step(fresh, alphabet[w]!, i + 1);
        assert.deepEqual('result' in a && { ...a.result, state: null }, 'result' in b && { ...b.result, state: null }, `${variant}: ${sequence.map((x) => alphabet[x]).join(' ; ')}`);
        assert.equal(canonicalForm(forked), canonicalForm(fresh));
      }
    }
  }
});

test('canonical states: ids are renumbered, and what differs is told apart', () => {
  const after = (commands: string[]) => {
    const s = new ModelSession('mainline');
    commands.forEach((c, i) => s.run({ command: c, file: 'x', line: i + 1 }));
    return s;
  };
  // Two clones made and dropped leave the same state as none, though mount ids moved on.
  assert.equal(stateKey(after(['open_tree_clone 3</mnt 3 sh', 'exit'])), stateKey(after([])));
  assert.equal(stateKey(after(['umount /mnt'])), stateKey(after(['umount -l /mnt'])));
  assert.notEqual(stateKey(after(['umount /mnt'])), stateKey(after([])));
  assert.notEqual(stateKey(after(['open_tree_clone 3</mnt 3 sh'])), stateKey(after(['open_tree_clone 4</mnt 4 sh'])));
});

test('--shard i/n splits the search: the shards together meet every state and the same counterexamples', () => {
  const whole = search({ variant: 'v12', alphabet, setup, depth: 4, keepStates: true });
  const shards = [0, 1, 2].map((i) => search({ variant: 'v12', alphabet, setup, depth: 4, keepStates: true, shard: { i, n: 3 } }));
  const merged = merge(shards, alphabet, 0);
  assert.equal(merged.states, whole.states);
  assert.deepEqual(merged.perDepth, whole.perDepth);
  assert.deepEqual(Object.keys(merged.counterexamples).sort(), Object.keys(whole.counterexamples).sort());
  for (const [p, c] of Object.entries(whole.counterexamples)) assert.deepEqual(merged.counterexamples[p as PropertyId]!.commands, c!.commands);
  assert.ok(shards.every((s) => s.states < whole.states));
});

test('the alphabet holds every command of the thread and refuses && (a fork needs whole-line shells)', () => {
  for (const c of ['open_tree_clone 3</mnt 3 sh', 'exit', 'cd /proc/self/fd/3', 'cd /', 'exec 3<&-', 'exec 4</proc/self/fd/3', 'mount --move . /mnt', 'move_mount 3 /mnt', 'umount /mnt', 'umount -l /mnt']) assert.ok(alphabet.includes(c), c);
  const extended = buildAlphabet({ ...DEFAULT_ALPHABET, extras: ['bind', 'rbind', 'tmpfs', 'open_tree', 'unshare'] });
  for (const c of ['mount --bind /mnt /srv', 'mount --rbind /srv /mnt', 'mount -t tmpfs none /mnt', 'open_tree 3</mnt 3 sh', 'unshare -m']) assert.ok(extended.includes(c), c);
  assert.throws(() => buildAlphabet({ paths: [], fds: [3], extras: [] }), /at least one path/);
  assert.deepEqual(setup, ['mkdir /srv']);
});

test('--kernel takes a variant with patches added or reverted; unknown names are refused', () => {
  const v = parseVariant('v12-move-fix+dissolve-skips-umount');
  assert.equal(v.has('dissolve-skips-umount') && v.has('move-refuses-umount'), true);
  assert.equal(parseVariant('mainline-children-dont-pin-parents').has('children-dont-pin-parents'), false);
  assert.equal(parseVariant('v12'), VARIANTS.v12);
  assert.throws(() => parseVariant('v13'), /unknown kernel "v13"/);
  assert.throws(() => parseVariant('v12+no-such-patch'), /expected \+PATCH or -PATCH/);
});

test('mountspec explore: bad arguments exit 2 with a clear message; a violation exits 1; --json is one object', async () => {
  const io = () => {
    const o = { out: '', err: '' };
    return { o, io: { out: (t: string) => void (o.out += t), err: (t: string) => void (o.err += t) } };
  };
  for (const args of [[], ['--kernel', 'v13'], ['--kernel', 'v12', '--depth', '0'], ['--kernel', 'v12', '--shard', '2/2'], ['--kernel', 'v12', '--with', 'nfs'], ['--kernel', 'v12', '--fds', '1']]) {
    const { o, io: sink } = io();
    assert.equal(await exploreCommand(args, sink), 2, args.join(' '));
    assert.match(o.err, /^mountspec explore: /);
  }
  const { o, io: sink } = io();
  assert.equal(await exploreCommand(['--kernel', 'v12', '--depth', '4', '--json'], sink), 1);
  const json = JSON.parse(o.out) as { states: number; properties: { id: string; violated: boolean; commands?: string[] }[] };
  assert.equal(json.properties.find((p) => p.id === 'lockup')!.commands!.length, 4);
  assert.equal(json.properties.find((p) => p.id === 'refcount')!.violated, false);
});
