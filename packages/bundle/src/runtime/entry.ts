import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    const code = (e as { code?: string }).code;
    process.stderr.write(`runtime: ${code ? `[${code}] ` : ''}${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
