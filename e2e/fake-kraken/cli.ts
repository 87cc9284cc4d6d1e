// Runs the fake server as its own process: `node e2e/fake-kraken/cli.ts [--port N] [--no-rate-limit]`.
// Prints one JSON line {"url": …, "wsPublicUrl": …, "wsPrivateUrl": …} on stdout when listening, and stops on SIGTERM/SIGINT or when stdin closes.
import { startFakeKraken } from './server.ts';

const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 0;
const fake = await startFakeKraken({ port, rateLimit: args.includes('--no-rate-limit') ? false : { tier: 'starter' } });
process.stdout.write(JSON.stringify({ url: fake.url, wsPublicUrl: fake.wsPublicUrl, wsPrivateUrl: fake.wsPrivateUrl }) + '\n');

const stop = (): void => {
  void fake.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (args.includes('--exit-with-stdin')) {
  process.stdin.on('end', stop);
  process.stdin.resume();
}
