// Development entry (`npm run dev -- <lệnh> …`): runs the TypeScript sources through tsx, without
// compiling dist/. Users and tests run the compiled bin/kehoach.js.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
