// The npm `mrz` parser (5.0.2, autocorrect on: its own letter/digit look-alike repair) on every case of the bench,
// written as the same normalised fields as ours. A thrown error (input it refuses) counts as flagged.
// usage: node npm-parse.mjs <node_modules dir> <cases.jsonl> <out.jsonl>
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [modules, casesPath, outPath] = process.argv.slice(2);
const { parse } = await import(pathToFileURL(join(modules, 'mrz', 'lib', 'index.js')).href);

const out = [];
for (const line of readFileSync(casesPath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const c = JSON.parse(line);
  try {
    const r = parse(c.lines, { autocorrect: true });
    const f = r.fields;
    const optional = f.optional1 ?? null;
    const corrected = r.details.some((d) => (d.autocorrect ?? []).length > 0);
    out.push(JSON.stringify({
      id: c.id,
      valid: r.valid,
      refused: false,
      corrected,
      fields: {
        documentNumber: f.documentNumber ?? null,
        // the Vietnamese ID is the first 12 characters of optional data 1 (npm knows no such field)
        idNumber: optional === null ? null : optional.replaceAll(' ', '').slice(0, 12),
        birthDate: f.birthDate ?? null,
        sex: f.sex === 'male' ? 'M' : f.sex === 'female' ? 'F' : null,
        expiryDate: f.expirationDate ?? null,
        nationality: f.nationality ?? null,
        surname: f.lastName ?? null,
        givenNames: f.firstName ?? null,
      },
    }));
  } catch (e) {
    out.push(JSON.stringify({ id: c.id, valid: false, refused: true, corrected: false, fields: {}, error: String(e.message) }));
  }
}
writeFileSync(outPath, out.join('\n') + '\n');
