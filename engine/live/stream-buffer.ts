import type { Readable } from 'node:stream';

// Collects one output stream of the namespace as raw bytes, so a command's
// output can be cut exactly at its marker before being decoded.

export class StreamBuffer {
  private bytes: Buffer = Buffer.alloc(0);
  private ended = false;
  private arrival: { promise: Promise<void>; resolve: () => void } | null = null;

  constructor(stream: Readable) {
    stream.on('data', (chunk: Buffer) => {
      this.bytes = Buffer.concat([this.bytes, chunk]);
      this.wake();
    });
    stream.on('end', () => {
      this.ended = true;
      this.wake();
    });
    stream.on('error', () => {
      this.ended = true;
      this.wake();
    });
  }

  /** Resolves when more bytes arrive or the stream ends: waiting on it beats polling (one shared promise, no listener per wait). */
  changed(): Promise<void> {
    if (this.ended) return Promise.resolve();
    if (!this.arrival) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.arrival = { promise, resolve };
    }
    return this.arrival.promise;
  }

  private wake(): void {
    const arrival = this.arrival;
    this.arrival = null;
    arrival?.resolve();
  }

  get buffer(): Buffer {
    return this.bytes;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Removes and returns the first `length` bytes. */
  take(length: number): Buffer {
    const head = this.bytes.subarray(0, length);
    this.bytes = this.bytes.subarray(length);
    return head;
  }

  /** Removes and returns everything collected so far. */
  takeAll(): Buffer {
    return this.take(this.bytes.length);
  }
}
