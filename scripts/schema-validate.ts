// Quick schema-only validation of YAML files (no inheritance, no positions): a stop-gap for plan
// authors until `kehoach check` is available. Usage: npx tsx scripts/schema-validate.ts FILE.yaml…
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const schemaFor = (file: string) =>
  file.includes('/don-vi/') ? 'don-vi' : file.includes('/van-ban/') ? 'van-ban' : file.endsWith('cap.yaml') ? 'cap' : 'plan';
const ajv = new Ajv2020({ allErrors: true, strict: false });
let failed = false;
for (const file of process.argv.slice(2)) {
  const schema = JSON.parse(readFileSync(new URL(`../schemas/${schemaFor(file)}.schema.json`, import.meta.url), 'utf8'));
  const validate = ajv.getSchema(schema.$id) ?? ajv.compile(schema);
  const data = parse(readFileSync(file, 'utf8'));
  if (!validate(data)) {
    failed = true;
    for (const e of validate.errors ?? []) console.log(`${file}: ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  } else console.log(`${file}: ok`);
}
process.exit(failed ? 1 : 0);
