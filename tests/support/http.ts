// Calls our Next route handlers in-process with real Request objects, exactly as Next would, so
// the HTTP layer (body limits, auth headers, error mapping) is exercised without a server.
export type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export type Call = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer | ReadableStream<Uint8Array> | object;
};

export type Answer<T = any> = { status: number; body: T; headers: Headers };

export function makeRequest(path: string, call: Call = {}): Request {
  const headers = new Headers(call.headers);
  let body: BodyInit | undefined;
  const b = call.body;
  if (b === undefined || typeof b === 'string' || b instanceof ReadableStream) body = b;
  else if (Buffer.isBuffer(b)) body = new Uint8Array(b);
  else {
    body = JSON.stringify(b);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  // A streamed body has no Content-Length; fetch requires `duplex: 'half'` for it.
  return new Request(`http://localhost${path}`, {
    method: call.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    ...(body instanceof ReadableStream && { duplex: 'half' }),
  } as RequestInit);
}

/** Invokes a route handler and decodes its JSON answer (or text, when it is not JSON). */
export async function callRoute<P = Record<string, never>, T = any>(
  handler: Handler<P>,
  path: string,
  params: P = {} as P,
  call: Call = {},
): Promise<Answer<T>> {
  const res = await handler(makeRequest(path, call), { params: Promise.resolve(params) });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, body: (isJson && text ? JSON.parse(text) : text) as T, headers: res.headers };
}
