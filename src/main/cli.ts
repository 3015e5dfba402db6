/** The gongkai command line: wires the adapters to the use cases. */
import { Command, CommanderError } from 'commander';
import { registerReportCommands, type CliIo } from './cli/report-commands.ts';
import { registerDatabaseCommands } from './cli/database-commands.ts';
import { registerCalendarCommands } from './cli/calendar-commands.ts';
import { registerAuditCommands } from './cli/audit-commands.ts';
import { registerSeasonCommands } from './cli/season-commands.ts';
import { registerAuditLogCommands } from './cli/audit-log-commands.ts';
import { registerStaffCommands } from './cli/staff-commands.ts';
import { registerBackupCommands } from './cli/backup-commands.ts';
import { CliError, EXIT } from './cli/output.ts';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = new Command('gongkai')
    .description('gongkai 政府信息公开工作平台')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text.trimEnd()) });
  registerReportCommands(program, io);
  registerDatabaseCommands(program, io);
  registerStaffCommands(program, io);
  registerCalendarCommands(program, io);
  registerAuditCommands(program, io);
  registerSeasonCommands(program, io);
  registerAuditLogCommands(program, io);
  registerBackupCommands(program, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return io.exitCode;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`错误：${error.message}`);
      return error.exitCode;
    }
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    throw error;
  }
}

const isMain =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '');
if (isMain) {
  // A reader that stops early (`gongkai audit … | head`) closes the pipe: the output is no longer
  // wanted, which is no error to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT.ok);
  });
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (line) => process.stderr.write(line + '\n'),
    exitCode: EXIT.ok,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`内部错误：${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
