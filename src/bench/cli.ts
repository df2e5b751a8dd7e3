/**
 * `boltstack bench SUBCOMMAND ...`: loaded by src/cli.ts only when argv[0] is "bench", so the
 * server never loads harness code. Each subcommand module is imported on demand.
 */
import { shippedWorkloads } from './workload/load.js';

const USAGE = `Usage: boltstack bench COMMAND [options]

Commands:
  run WORKLOAD [options]           Run a workload against an endpoint (or an ephemeral boltstack).
  compare BASE.json NEW.json ...   Compare results; exit code 1 on a regression (CI gate).
  calibrate RUNS...                A/A runs → the noise of this machine, for compare's thresholds.
  peers [options]                  The same workloads against boltstack and peer emulators.
  workloads                        List the shipped workloads.

Run "boltstack bench COMMAND --help" for a command's options.
`;

type Cli = (argv: string[]) => Promise<number>;

const COMMANDS = ['run', 'compare', 'calibrate', 'peers'] as const;
type Command = (typeof COMMANDS)[number];

/** The entry of a command; it gets the arguments after the command name. */
async function subcommand(name: Command): Promise<Cli> {
  switch (name) {
    case 'run':
      return (await import('./cli/run-command.js')).runCommand;
    case 'compare':
    case 'calibrate': {
      // runCompareCli serves both and wants the command name first.
      const { runCompareCli } = await import('./compare/cli.js');
      return (argv) => runCompareCli([name, ...argv]);
    }
    case 'peers':
      return (await import('./peers/cli.js')).runPeersCli;
  }
}

export async function runBenchCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'workloads') {
    process.stdout.write((await shippedWorkloads()).join('\n') + '\n');
    return 0;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    process.stderr.write(`boltstack bench: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  return (await subcommand(command as Command))(rest);
}
