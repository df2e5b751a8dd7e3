/**
 * A subscription's ReplayPolicy, checked in SNS's words: `{"PointType":"Timestamp",
 * "StartingPoint":"<ISO 8601>","EndingPoint":"<optional>"}`, or `{}` (no replay: one under way
 * stops). Native AWS, radkawar/stackd testdata/aws/sns/archive_replay.json (2026-09-22):
 * invalid-replay-missing-point-type, -missing-start and replay-array "JSON is missing required
 * fields"; replay-invalid-json "Unable to parse JSON"; -wrong-point-type "Invalid PointType";
 * -bad-timestamp, -future-start, -before-archive, -numeric-time "Invalid StartingPoint value";
 * -reversed-range and -future-ending "Invalid EndingPoint value"; set-replay-archive-disabled and
 * subscribe-replay-archive-disabled "Topic ArchivePolicy attribute is missing".
 * https://docs.aws.amazon.com/sns/latest/dg/message-archiving-and-replay-subscriber.html
 */
import type { TopicRecord } from '../records.js';

export type ReplayWindow = { start: number; end?: number };

/** ISO 8601 date-times as AWS takes them (a date and a time, seconds, optional fraction, Z or an offset). */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function time(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The window a ReplayPolicy asks for, `undefined` for `{}` (no replay), or the reason it is
 * refused (`ReplayPolicy: …`, for the caller to word as its operation does). `now` bounds both
 * points: a start or an end in the future is refused.
 */
export function checkReplayPolicy(text: string, topic: TopicRecord, now: number): { window?: ReplayWindow } | { refused: string } {
  let policy: unknown;
  try { policy = JSON.parse(text); } catch { return { refused: 'ReplayPolicy: Unable to parse JSON' }; }
  const fields = typeof policy === 'object' && policy !== null && !Array.isArray(policy) ? policy as Record<string, unknown> : undefined;
  if (fields !== undefined && Object.keys(fields).length === 0) return {};
  if (topic.beginningArchiveTime === undefined) return { refused: 'ReplayPolicy: Topic ArchivePolicy attribute is missing' };
  if (fields === undefined || !('PointType' in fields) || !('StartingPoint' in fields)) return { refused: 'ReplayPolicy: JSON is missing required fields' };
  if (fields.PointType !== 'Timestamp') return { refused: 'ReplayPolicy: Invalid PointType' };
  const start = time(fields.StartingPoint);
  if (start === undefined || start > now || start < Date.parse(topic.beginningArchiveTime)) return { refused: 'ReplayPolicy: Invalid StartingPoint value' };
  if (!('EndingPoint' in fields)) return { window: { start } };
  const end = time(fields.EndingPoint);
  if (end === undefined || end < start || end > now) return { refused: 'ReplayPolicy: Invalid EndingPoint value' };
  return { window: { start, end } };
}

/** The window of `text` for a subscription of `topic` (undefined: no replay), or `refused(reason)` thrown. */
export function replayWindow(topic: TopicRecord | undefined, text: string, refused: (reason: string) => Error): ReplayWindow | undefined {
  const checked = topic === undefined ? { refused: 'ReplayPolicy: Topic ArchivePolicy attribute is missing' } : checkReplayPolicy(text, topic, Date.now());
  if ('refused' in checked) throw refused(checked.refused);
  return checked.window;
}
