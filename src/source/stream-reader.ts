/**
 * Exact reads from a stream (`git cat-file --batch`'s output, for git-tree.ts): lines, and pieces
 * of the sizes asked for, copied into the caller's buffers, with the stream paused while too
 * much waits.
 */
import type { Readable } from 'node:stream'

/**
 * Reads exactly as many bytes as asked from a stream, copying them into buffers it is given:
 * the stream's own chunks are never kept beyond the few not read yet (it is paused while more
 * than `highWater` bytes wait).
 */
export class StreamReader {
  private readonly chunks: Buffer[] = []
  private queued = 0
  private ended: { error?: unknown } | undefined
  private wake: (() => void) | undefined

  constructor(
    private readonly stream: Readable,
    private readonly highWater = 256 * 1024
  ) {
    stream.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk)
      this.queued += chunk.length
      if (this.queued > this.highWater) stream.pause()
      this.wakeUp()
    })
    stream.on('end', () => this.end({}))
    stream.on('error', error => this.end({ error }))
  }

  /** Fill all of `into`; an error if the stream ends first. */
  async readInto(into: Buffer): Promise<void> {
    let done = 0
    while (done < into.length) {
      await this.available()
      const chunk = this.chunks[0]
      const n = chunk.copy(into, done) // As much as both have room for.
      done += n
      this.consume(n)
    }
  }

  /** The next line (up to `\n`, which is dropped) as text; at most `limit` bytes long. */
  async line(limit = 4096): Promise<string> {
    await this.available()
    // Most lines are whole in the chunk at hand: read them from it, without a copy.
    const first = this.chunks[0]
    const end = first.indexOf(0x0a)
    if (end >= 0 && end <= limit) {
      const text = first.toString('utf8', 0, end)
      this.consume(end + 1)
      return text
    }
    const parts: Buffer[] = []
    let length = 0
    for (;;) {
      await this.available()
      const chunk = this.chunks[0]
      const newline = chunk.indexOf(0x0a)
      const take = newline < 0 ? chunk.length : newline
      parts.push(Buffer.from(chunk.subarray(0, take)))
      length += take
      if (length > limit) throw new Error(`a line longer than ${limit} bytes`)
      this.consume(newline < 0 ? take : take + 1)
      if (newline >= 0) return Buffer.concat(parts).toString('utf8')
    }
  }

  /** Wait until a byte is there; an error once the stream has ended. */
  private async available(): Promise<void> {
    while (this.chunks.length === 0) {
      if (this.ended !== undefined)
        throw this.ended.error ?? new Error('the output ended before all of it was read')
      await new Promise<void>(resolve => (this.wake = resolve))
    }
  }

  private consume(n: number): void {
    const chunk = this.chunks[0]
    if (n === chunk.length) this.chunks.shift()
    else this.chunks[0] = chunk.subarray(n)
    this.queued -= n
    if (this.queued <= this.highWater / 2 && this.stream.isPaused()) this.stream.resume()
  }

  private end(ended: { error?: unknown }): void {
    this.ended ??= ended
    this.wakeUp()
  }

  private wakeUp(): void {
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }
}
