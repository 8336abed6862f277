import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT_DIRECTORIES } from '../kernel/boot';
import { buildHelpers, HELPER_BUILD_DIR } from './helpers';
import { Namespace, NAMESPACE_CAPS, sleep } from './namespace';
import { rootFiles } from './root-files';
import { liveSkip } from './test-support';

// The live namespace holds nothing of the host's, whatever runs in it: the
// dialect's check is one wall, this is the other. Raw bash lines (no dialect
// check: what a line that got past it could do) and a C probe
// (sandbox-probe/escape.c) try to reach listeners on the host's loopback;
// the listeners must hear nothing, and the host's mount table must be
// byte-identical afterwards.

const hostMountinfo = (): string => readFileSync('/proc/self/mountinfo', 'utf8');

/** bash in the namespace, one raw line at a time: output up to a status marker. */
async function runRaw(ns: Namespace, line: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const marker = `@@raw-${Math.random().toString(36).slice(2)}`;
  ns.send(`${line}\necho "${marker} $?"; echo "${marker}" >&2\n`);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const out = ns.stdout.buffer.toString();
    const err = ns.stderr.buffer.toString();
    const at = out.indexOf(`${marker} `);
    const errAt = err.indexOf(`${marker}\n`);
    if (at >= 0 && errAt >= 0 && out.indexOf('\n', at) >= 0) {
      const status = Number(out.slice(at + marker.length + 1, out.indexOf('\n', at)));
      ns.stdout.takeAll();
      ns.stderr.takeAll();
      return { status, stdout: out.slice(0, at), stderr: err.slice(0, errAt) };
    }
    if (Date.now() > deadline || ns.exited !== undefined) throw new Error(`no answer to ${JSON.stringify(line)}: ${out} ${err}`);
    await sleep(5);
  }
}

describe('live namespace sandbox', { skip: liveSkip }, () => {
  let tcp: Server;
  let udp: UdpSocket;
  let unix: Server;
  const heard: string[] = [];
  let tcpPort = 0;
  let udpPort = 0;
  const abstractName = `mountspec-sandbox-test-${process.pid}`;
  let ns: Namespace;
  let mountinfoBefore: string;

  before(async () => {
    mountinfoBefore = hostMountinfo();
    tcp = createServer((socket) => {
      heard.push('tcp connection');
      socket.destroy();
    });
    await new Promise<void>((done) => tcp.listen(0, '127.0.0.1', done));
    tcpPort = (tcp.address() as { port: number }).port;
    udp = createSocket('udp4', () => heard.push('udp datagram'));
    await new Promise<void>((done) => udp.bind(0, '127.0.0.1', done));
    udpPort = udp.address().port;
    unix = createServer((socket) => {
      heard.push('abstract unix connection');
      socket.destroy();
    });
    await new Promise<void>((done) => unix.listen(`\0${abstractName}`, done));
    const probeDir = join(HELPER_BUILD_DIR, '..', 'sandbox-probe');
    mkdirSync(probeDir, { recursive: true });
    const probe = join(probeDir, 'escape');
    execFileSync('cc', ['-O2', '-Wall', '-o', probe, join(__dirname, 'sandbox-probe', 'escape.c')]);
    ns = await Namespace.launch({
      dirs: ROOT_DIRECTORIES,
      files: [...rootFiles(buildHelpers()), { source: probe, target: 'bin/escape' }],
      env: { PATH: '/bin', LC_ALL: 'C' },
      readyTimeoutMs: 15_000,
    });
  });

  after(async () => {
    await ns?.dispose();
    tcp?.close();
    udp?.close();
    unix?.close();
  });

  it('should have a network of its own: only lo, down', async () => {
    const { stdout } = await runRaw(ns, 'cat /proc/net/dev');
    const interfaces = stdout.split('\n').slice(2).filter(Boolean).map((l) => l.split(':')[0]!.trim());
    assert.deepEqual(interfaces, ['lo']);
  });

  it('should refuse bash’s /dev/tcp and /dev/udp, however the line asks for them', async () => {
    for (const line of [
      `echo hi > /dev/tcp/127.0.0.1/${tcpPort}`,
      `exec 3<>/dev/tcp/127.0.0.1/${tcpPort}`,
      `exec 3</dev/tcp/localhost/${tcpPort}`,
      `eval 'echo hi > /dev/tcp/127.0.0.1/${tcpPort}'`,
      `builtin eval 'exec 4<>/dev/tcp/127.0.0.1/${tcpPort}'`,
      `echo hi > /dev/udp/127.0.0.1/${udpPort}`,
      `sh -c 'echo hi > /dev/tcp/127.0.0.1/${tcpPort}'`,
    ]) {
      const { status, stderr } = await runRaw(ns, line);
      assert.notEqual(status, 0, line);
      assert.match(stderr, /Network is unreachable|Temporary failure in name resolution/, line);
    }
  });

  it('should leave a program no route to the host: TCP, UDP, abstract unix sockets, setns, lo up, a user namespace', async () => {
    const { stdout } = await runRaw(ns, `escape ${tcpPort} ${udpPort} ${abstractName}`);
    const attempts = new Map(stdout.trim().split('\n').map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)] as const));
    assert.equal(attempts.get('tcp 127.0.0.1'), 'Network is unreachable');
    assert.equal(attempts.get('udp 127.0.0.1'), 'Network is unreachable');
    assert.equal(attempts.get('abstract unix socket'), 'Connection refused', 'abstract sockets belong to the network namespace');
    assert.equal(attempts.get('lo up'), 'Operation not permitted', 'no CAP_NET_ADMIN');
    assert.equal(attempts.get('tcp 127.0.0.1 from a user namespace'), 'Connection refused', 'a loopback of its own');
    assert.equal(attempts.size, 16, stdout);
  });

  it('should have no devices and only the capabilities it needs', async () => {
    const { status, stderr } = await runRaw(ns, 'ls /dev');
    assert.notEqual(status, 0);
    assert.match(stderr, /No such file or directory/);
    const { stdout } = await runRaw(ns, 'cat /proc/self/status');
    const bounding = /^CapBnd:\s*([0-9a-f]+)$/m.exec(stdout)?.[1];
    const CAP_NUMBERS: Record<(typeof NAMESPACE_CAPS)[number], number> = { sys_admin: 21, setfcap: 31 };
    const expected = NAMESPACE_CAPS.reduce((mask, cap) => mask | (1n << BigInt(CAP_NUMBERS[cap])), 0n);
    assert.equal(BigInt(`0x${bounding}`), expected);
  });

  it('should let the host’s listeners hear nothing, and leave the host’s mount table as it was', async () => {
    await sleep(100); // a datagram in flight would have arrived
    assert.deepEqual(heard, []);
    await ns.dispose();
    assert.equal(hostMountinfo(), mountinfoBefore);
  });
});
