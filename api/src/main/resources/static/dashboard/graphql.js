// The dashboard's only way to its data: the public GraphQL endpoint, anonymously, as any
// other client of the API.

const ENDPOINT = '/graphql';

export class GraphQlError extends Error {
  constructor(errors) {
    super(errors.map((error) => error.message).join('; '));
    this.errors = errors;
  }
}

export async function graphql(document, variables = {}) {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: document, variables }),
  });
  const body = await response.json();
  if (body.errors && body.errors.length > 0) {
    throw new GraphQlError(body.errors);
  }
  return body.data;
}

// Subscribes over GraphQL over SSE (POST, Accept: text/event-stream; the "distinct
// connections" mode): calls onOpen once the server streams, onData with each event's data.
// The promise rejects when the server refuses the subscription or the stream ends, and
// resolves quietly when the caller aborts it.
export async function subscribe(document, variables, { onOpen, onData, signal }) {
  try {
    const response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ query: document, variables }),
      signal,
    });
    const type = response.headers.get('Content-Type') || '';
    if (!response.ok || !type.startsWith('text/event-stream')) {
      throw new Error(`the subscription was refused (HTTP ${response.status}, ${type})`);
    }
    onOpen();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        throw new Error('the subscription stream ended');
      }
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event.name === 'complete') {
          throw new Error('the server completed the subscription');
        }
        if (event.name === 'next' && event.data) {
          const payload = JSON.parse(event.data);
          if (payload.errors && payload.errors.length > 0) {
            throw new GraphQlError(payload.errors);
          }
          onData(payload.data);
        }
      }
    }
  }
  catch (failure) {
    if (signal.aborted) {
      return;
    }
    throw failure;
  }
}

function parseEvent(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) {
      name = line.slice(6).trim();
    }
    else if (line.startsWith('data:')) {
      data.push(line.slice(5).replace(/^ /, ''));
    }
  }
  return { name, data: data.join('\n') };
}
