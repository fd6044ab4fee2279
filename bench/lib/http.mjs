// The benches' JSON calls over an undici Pool, each carrying the bench's API key.

/**
 * `call(client, method, path, body?)` for one key: JSON in and out, and a thrown error (with the
 * start of the answer) on any status of 400 or more, so a refused call never passes as a figure.
 */
export function jsonCaller(key) {
  const headers = { 'content-type': 'application/json', 'x-api-key': key };
  return async function call(client, method, path, body) {
    const res = await client.request({
      method,
      path,
      headers: body === undefined ? { 'x-api-key': key } : headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    if (res.statusCode >= 400) throw new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };
}
