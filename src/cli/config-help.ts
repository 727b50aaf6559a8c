import { CONFIG_VARIABLES } from '../platform/config/config-variables.ts';

export function configHelp(): string {
  const width = Math.max(...CONFIG_VARIABLES.map((v) => v.name.length));
  const lines = CONFIG_VARIABLES.map((v) => `  ${v.name.padEnd(width)}  ${v.meaning} (default: ${v.default})`);
  return `\nEnvironment:\n${lines.join('\n')}\n`;
}
