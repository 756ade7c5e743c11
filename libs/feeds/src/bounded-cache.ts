interface Node<Value> {
  key: string;
  value: Value;
  size: number;
  newer: Node<Value> | null;
  older: Node<Value> | null;
}

/**
 * What this process used last, least recently used first out, bounded by a size the caller
 * measures (bytes, roughly). Safe with several processes as long as keys are made from what the
 * values contain: a change gives a new key, so an entry here is never stale, only unused.
 * A hit only relinks a list node, because a feed looks up thousands of entries at a time.
 */
export class BoundedCache<Value> {
  private readonly nodes = new Map<string, Node<Value>>();
  private newest: Node<Value> | null = null;
  private oldest: Node<Value> | null = null;
  private size = 0;

  constructor(
    private readonly maxSize: number,
    private readonly sizeOf: (value: Value) => number,
  ) {}

  get(key: string): Value | undefined {
    const node = this.nodes.get(key);
    if (!node) return undefined;
    if (node !== this.newest) {
      this.unlink(node);
      this.link(node);
    }
    return node.value;
  }

  set(key: string, value: Value): void {
    this.remove(key);
    const size = this.sizeOf(value);
    if (size > this.maxSize) return;
    const node: Node<Value> = { key, value, size, newer: null, older: null };
    this.nodes.set(key, node);
    this.link(node);
    this.size += size;
    while (this.size > this.maxSize && this.oldest) this.remove(this.oldest.key);
  }

  /** Counts a value again after it grew (a feed whose gzip body was added later). */
  resize(key: string): void {
    const node = this.nodes.get(key);
    if (node) this.set(key, node.value);
  }

  private remove(key: string): void {
    const node = this.nodes.get(key);
    if (!node) return;
    this.nodes.delete(key);
    this.unlink(node);
    this.size -= node.size;
  }

  private link(node: Node<Value>): void {
    node.older = this.newest;
    node.newer = null;
    if (this.newest) this.newest.newer = node;
    this.newest = node;
    this.oldest ??= node;
  }

  private unlink(node: Node<Value>): void {
    if (node.newer) node.newer.older = node.older;
    else this.newest = node.older;
    if (node.older) node.older.newer = node.newer;
    else this.oldest = node.newer;
    node.newer = null;
    node.older = null;
  }
}
