// A standard tus client (npm tus-js-client) uploading to the centre, with the kiosk's request signature added in
// onBeforeRequest (ECDSA P-256 over method, path, body SHA-256, timestamp, nonce; Sync/Protocol/SignedRequest.cs).
// Usage: node tus-upload.mjs MODE FILE ENDPOINT KIOSK_ID KEY_PKCS8_BASE64 CHUNK [UPLOAD_URL]
//   MODE interrupt: upload, abort after the first chunk, print the upload URL.
//   MODE resume:    resume UPLOAD_URL from the centre's offset to the end, print "done".
import { createRequire } from 'node:module';
import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

const require = createRequire(process.env.TUS_MODULES + '/');
const tus = require('tus-js-client');
const [mode, file, endpoint, kioskId, keyB64, chunkText, uploadUrl] = process.argv.slice(2);
const data = readFileSync(file);
const chunkSize = Number(chunkText);
const key = createPrivateKey({ key: Buffer.from(keyB64, 'base64'), format: 'der', type: 'pkcs8' });
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function signRequest(req) {
  const method = req.getMethod();
  const url = new URL(req.getURL());
  let body = Buffer.alloc(0);
  if (method === 'PATCH') {
    const offset = Number(req.getHeader('Upload-Offset'));
    body = data.subarray(offset, Math.min(offset + chunkSize, data.length));
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const nonce = randomBytes(16).toString('hex');
  const canonical = [method, url.pathname + url.search, sha256(body), String(timestamp), nonce].join('\n');
  const signature = sign('sha256', Buffer.from(canonical, 'utf8'), { key, dsaEncoding: 'ieee-p1363' }).toString('base64');
  req.setHeader('Intake-Kiosk', kioskId);
  req.setHeader('Intake-Timestamp', String(timestamp));
  req.setHeader('Intake-Nonce', nonce);
  req.setHeader('Intake-Signature', signature);
}

const upload = new tus.Upload(data, {
  endpoint,
  uploadUrl: mode === 'resume' ? uploadUrl : undefined,
  chunkSize,
  retryDelays: [0, 200, 500],
  metadata: { filename: 'scan.pdf', sha256: sha256(data) },
  onBeforeRequest: signRequest,
  onError: (error) => { console.error('tus error: ' + error); process.exit(1); },
  onChunkComplete: (chunk, sent, total) => {
    if (mode === 'interrupt' && sent < total) {
      upload.abort(false).then(() => { console.log(upload.url); process.exit(0); });
    }
  },
  onSuccess: () => { console.log(mode === 'resume' ? 'done' : 'finished-without-interrupt ' + upload.url); process.exit(0); },
});
upload.start();
