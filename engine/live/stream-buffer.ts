import type { Readable } from 'node:stream';

// Collects one output stream of the namespace as raw bytes, so a command's
// output can be cut exactly at its marker before being decoded.

export class StreamBuffer {
  private bytes: Buffer = Buffer.alloc(0);
  private ended = false;

  constructor(stream: Readable) {
    stream.on('data', (chunk: Buffer) => {
      this.bytes = Buffer.concat([this.bytes, chunk]);
    });
    stream.on('end', () => {
      this.ended = true;
    });
    stream.on('error', () => {
      this.ended = true;
    });
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
