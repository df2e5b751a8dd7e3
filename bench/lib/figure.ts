/**
 * One reported figure: boltstack's value, the peer's, their ratio and the target it is held to.
 * `ratio` is always boltstack / peer; the target says which value it applies to.
 */
export interface Target {
  /** What is compared: boltstack's own value, or the ratio to the peer. */
  on: 'value' | 'ratio';
  op: '<' | '>=';
  limit: number;
  text: string;
}

export interface Figure {
  name: string;
  unit: string;
  boltstack: number | null;
  peer: number | null;
  ratio: number | null;
  target: string;
  pass: boolean | null;
  detail?: Record<string, unknown>;
}

export function figure(name: string, unit: string, boltstack: number | null, peer: number | null, target: Target, detail?: Record<string, unknown>): Figure {
  const ratio = boltstack !== null && peer !== null && peer !== 0 ? Math.round((boltstack / peer) * 100) / 100 : null;
  const subject = target.on === 'value' ? boltstack : ratio;
  const pass = subject === null ? null : target.op === '<' ? subject < target.limit : subject >= target.limit;
  return { name, unit, boltstack, peer, ratio, target: target.text, pass, ...(detail ? { detail } : {}) };
}
