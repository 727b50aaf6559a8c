import { Command } from 'commander';
import { firstStartBanner } from '../../app/first-start.ts';
import { startBaton } from '../../app/start.ts';
import { buildWeb, webIsBuilt } from '../../app/web-build.ts';
import { loadConfig } from '../../platform/config/config.ts';
import { plainHttpWarning } from '../../platform/http/plain-http.ts';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Run the Baton server (HTTP API, web app and job runner); migrates the database first')
    .option('--build-web-if-missing', 'build the web app first when web/dist is missing (what `npm start` does)')
    .action(async (opts: { buildWebIfMissing?: boolean }) => {
      const config = loadConfig();
      if (opts.buildWebIfMissing && !webIsBuilt()) await buildWeb((line) => console.log(line));
      const baton = await startBaton(config);
      // Stopping is handled before anything says the server is running, so a signal sent on that word stops it cleanly.
      let closing = false;
      const stop = async (signal: string) => {
        if (closing) return;
        closing = true;
        baton.ctx.logger.info({ signal }, 'shutting down');
        await baton.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
      baton.ctx.logger.info(
        { url: baton.url, database: baton.ctx.dbh.displayUrl, instance: config.instanceId },
        'Baton is running',
      );
      const exposed = plainHttpWarning(config);
      if (exposed) baton.ctx.logger.warn({ host: config.host }, exposed);
      if (baton.firstStart) console.log(`\n${firstStartBanner(baton.firstStart, baton.url)}\n`);
      else console.log(`Baton is running at ${baton.url}`);
    });
}
