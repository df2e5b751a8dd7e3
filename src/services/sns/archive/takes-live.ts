/**
 * Whether a subscription takes an archived message live, at publish, or leaves it to its replay
 * (replayer.ts). While a replay is Pending or In Progress the replay delivers what it covers,
 * from the archive and in publish order, live messages included once it reaches them, so none
 * is delivered twice or out of order. Once it is Completed, live delivery resumes after the last
 * message it covered; after a replay with an EndingPoint the subscription stays paused, as AWS
 * pauses it until a ReplayPolicy without EndingPoint (native AWS, radkawar/stackd
 * testdata/aws/sns/archive_replay.json bounded-paused-with-live-control,
 * boundary-still-paused-before-resume, boundary-unbounded-catchup-*, 2026-09-22).
 */
import type { SubscriptionRecord } from '../records.js';

export function takesLive(sub: SubscriptionRecord, sequenceNumber: string): boolean {
  const replay = sub.replay;
  if (replay === undefined) return true;
  if (replay.status !== 'Completed' || replay.through === undefined) return false;
  return sequenceNumber > replay.through;
}
