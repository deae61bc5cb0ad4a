/**
 * A Bolt/@slack logger that keeps lines in memory instead of printing them: tests stay quiet, and
 * can still assert on what Bolt reported (e.g. why a request was rejected with 401).
 * Set HARNESS_SLACK_LOGS=1 to also print them while debugging.
 */
import { LogLevel, type Logger } from '@slack/bolt';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
}

export interface CapturingLogger extends Logger {
  readonly lines: LogLine[];
  /** All captured text at `level` (or every level), joined by newlines. */
  text(level?: LogLine['level']): string;
}

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

function render(m: unknown): string {
  if (m instanceof Error) return `${m.name}: ${m.message}`;
  if (typeof m === 'string') return m;
  try {
    return JSON.stringify(m) ?? String(m);
  } catch {
    // Circular structures (requests, sockets) are logged by Bolt at debug level; a tag is enough.
    return String(m);
  }
}

export function createCapturingLogger(initialLevel: LogLevel = LogLevel.DEBUG): CapturingLogger {
  let level = initialLevel;
  let name = 'slack';
  const lines: LogLine[] = [];
  const echo = process.env.HARNESS_SLACK_LOGS === '1';

  const write = (at: LogLine['level'], lvl: LogLevel, msg: unknown[]): void => {
    if (ORDER[lvl] < ORDER[level]) return;
    const message = msg.map(render).join(' ');
    lines.push({ level: at, message });
    if (echo) console.error(`[${name}] ${at}: ${message}`);
  };

  return {
    lines,
    text(filter) {
      return lines
        .filter((l) => filter === undefined || l.level === filter)
        .map((l) => l.message)
        .join('\n');
    },
    debug: (...msg: unknown[]) => write('debug', LogLevel.DEBUG, msg),
    info: (...msg: unknown[]) => write('info', LogLevel.INFO, msg),
    warn: (...msg: unknown[]) => write('warn', LogLevel.WARN, msg),
    error: (...msg: unknown[]) => write('error', LogLevel.ERROR, msg),
    setLevel(l: LogLevel) {
      level = l;
    },
    getLevel() {
      return level;
    },
    setName(n: string) {
      name = n;
    },
  };
}
