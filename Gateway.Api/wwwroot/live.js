// Server-sent events read with fetch() rather than EventSource: EventSource cannot send the X-Api-Key header, and a
// key in the query string would end up in access logs and browser history. Parses the text/event-stream format,
// reconnects with backoff, sends Last-Event-ID when the server has given ids, and treats 45 s of silence as a dead
// connection (the server sends a comment every 15 s).
const SILENCE_MS = 45000;
const MIN_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;

export function connectEvents({ path, headers, onEvent, onOpen, onDown, onUnauthorized }) {
  let controller = null;
  let stopped = false;
  let lastEventId = null;
  let wake = null;

  async function run() {
    let delay = MIN_DELAY_MS;
    while (!stopped) {
      controller = new AbortController();
      let unauthorized = false;
      try {
        const request = { Accept: 'text/event-stream', ...headers() };
        if (lastEventId !== null) request['Last-Event-ID'] = lastEventId;
        const response = await fetch(path, { headers: request, cache: 'no-store', signal: controller.signal });
        if (response.status === 401 || response.status === 403) {
          unauthorized = true;
          onUnauthorized(response.status, await response.json().catch(() => null));
        } else if (!response.ok || !response.body) {
          throw new Error(`${path}: ${response.status}`);
        } else {
          await read(response.body, controller, (event) => {
            delay = MIN_DELAY_MS;
            if (event.id !== null) lastEventId = event.id;
            if (event.type === 'hello') onOpen(event); else onEvent(event);
          });
        }
      } catch { /* aborted, network error or bad status: reconnect below */ }
      if (stopped) return;
      if (unauthorized) {
        // Retrying with the same key cannot help: wait for restart() with a new one.
        await new Promise(resolve => { wake = resolve; });
        delay = MIN_DELAY_MS;
        continue;
      }
      onDown();
      await new Promise(resolve => { wake = resolve; setTimeout(resolve, delay * (0.75 + Math.random() / 2)); });
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }

  run();
  return {
    // A new key: drop the current connection (or stop waiting for a key) and connect again within about a second.
    restart() { controller?.abort(); wake?.(); },
    close() { stopped = true; controller?.abort(); wake?.(); },
  };
}

async function read(body, controller, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let watchdog = setTimeout(() => controller.abort(), SILENCE_MS);
  let buffer = '';
  let event = blank();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      clearTimeout(watchdog);
      watchdog = setTimeout(() => controller.abort(), SILENCE_MS);
      buffer += value;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop();
      for (const line of lines) {
        if (line === '') {
          if (event.data.length) dispatch({ type: event.type || 'message', data: event.data.join('\n'), id: event.id });
          event = blank();
          continue;
        }
        if (line.startsWith(':')) continue; // heartbeat comment
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? '' : line.slice(colon + 1);
        if (text.startsWith(' ')) text = text.slice(1);
        if (field === 'event') event.type = text;
        else if (field === 'data') event.data.push(text);
        else if (field === 'id' && !text.includes('\0')) event.id = text;
      }
    }
  } finally {
    clearTimeout(watchdog);
    reader.cancel().catch(() => {});
  }
}

function blank() { return { type: '', data: [], id: null }; }
