import pino from 'pino';

export type Logger = pino.Logger;

/** One structured logger; pretty lines on a terminal in development, JSON lines otherwise. */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  if (options.pretty) {
    return pino({
      level,
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } },
    });
  }
  return pino({ level });
}
