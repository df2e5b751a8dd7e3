/** StartMessageMoveTask, ListMessageMoveTasks, CancelMessageMoveTask (move-tasks.ts does the moving). */
import type {
  CancelMessageMoveTaskInput, CancelMessageMoveTaskOutput, ListMessageMoveTasksInput, ListMessageMoveTasksOutput, Result,
  StartMessageMoveTaskInput, StartMessageMoveTaskOutput,
} from '../../../model/generated/sqs-types.js';
import { required, type SqsHandler } from '../context.js';
import { sqsErrors } from '../errors.js';
import type { MoveTask } from '../move-tasks.js';

export const startMessageMoveTask: SqsHandler<StartMessageMoveTaskInput, StartMessageMoveTaskOutput> = async (deps, _ctx, input) => {
  required(input, 'SourceArn');
  const task = await deps.moveTasks.start(input.SourceArn, input.DestinationArn, input.MaxNumberOfMessagesPerSecond);
  return { TaskHandle: task.handle };
};

function entry(t: MoveTask): Result {
  const out: Result = {
    Status: t.status, SourceArn: t.sourceArn, ApproximateNumberOfMessagesMoved: t.moved,
    ApproximateNumberOfMessagesToMove: t.toMove, StartedTimestamp: t.started,
  };
  if (t.status === 'RUNNING') out.TaskHandle = t.handle;
  if (t.destinationArn !== undefined) out.DestinationArn = t.destinationArn;
  if (t.maxPerSecond !== undefined) out.MaxNumberOfMessagesPerSecond = t.maxPerSecond;
  if (t.failureReason !== undefined) out.FailureReason = t.failureReason;
  return out;
}

export const listMessageMoveTasks: SqsHandler<ListMessageMoveTasksInput, ListMessageMoveTasksOutput> = async (deps, _ctx, input) => {
  required(input, 'SourceArn');
  const max = input.MaxResults ?? 1;
  if (!Number.isInteger(max) || max < 1 || max > 10) throw sqsErrors.invalidValue(max, 'MaxResults', 'You must enter a value that\'s between 1 and 10.');
  const source = deps.moveTasks.queueByArn(input.SourceArn);
  if (source === undefined) throw sqsErrors.resourceNotFound('The resource that you specified for the SourceArn parameter doesn\'t exist.');
  return { Results: deps.moveTasks.list(source).slice(0, max).map(entry) };
};

export const cancelMessageMoveTask: SqsHandler<CancelMessageMoveTaskInput, CancelMessageMoveTaskOutput> = async (deps, _ctx, input) => {
  required(input, 'TaskHandle');
  return { ApproximateNumberOfMessagesMoved: (await deps.moveTasks.cancel(input.TaskHandle)).moved };
};
