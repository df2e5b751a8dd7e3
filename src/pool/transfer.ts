/**
 * Moving task buffers to a worker instead of copying them (STYLE.md habit 7).
 *
 * Only a view that owns its whole ArrayBuffer can be transferred safely: a small Buffer is a
 * slice of node's shared 8 KiB pool (transferring it would detach its neighbours), and
 * structured clone of any other view copies its entire backing buffer. Those are compacted into
 * one fresh copy first, which is then moved.
 */
import type { Task } from './types.js';

export interface PreparedTask {
  task: Task;
  transferList: ArrayBuffer[];
}

function movable(view: Uint8Array): Uint8Array {
  const whole = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength;
  return whole && view.buffer instanceof ArrayBuffer ? view : new Uint8Array(view);
}

/** The task as it crosses to the worker; its buffer is detached from the caller afterwards. */
export function prepareTransfer(task: Task): PreparedTask {
  switch (task.kind) {
    case 'xml-parse': {
      const xml = movable(task.xml);
      return { task: { kind: 'xml-parse', xml }, transferList: [xml.buffer as ArrayBuffer] };
    }
    case 'checksum': {
      const data = movable(task.data);
      return { task: { kind: 'checksum', data, algorithms: task.algorithms }, transferList: [data.buffer as ArrayBuffer] };
    }
    case 'ddb-filter': {
      const items = movable(task.items);
      return { task: { ...task, items }, transferList: [items.buffer as ArrayBuffer] };
    }
  }
}

/** Input bytes, the measure the inline/pool thresholds are expressed in. */
export function taskBytes(task: Task): number {
  switch (task.kind) {
    case 'xml-parse': return task.xml.byteLength;
    case 'checksum': return task.data.byteLength;
    case 'ddb-filter': return task.items.byteLength;
  }
}
