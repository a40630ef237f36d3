import type pg from 'pg';

type Send = (...args: unknown[]) => unknown;

/**
 * Makes a connection send its queries one after another: a query asked for while another runs
 * (a Promise.all inside a transaction, which holds one connection) waits for it here. node-postgres 8
 * queues such a query itself but deprecates doing so, and version 9 will refuse it. Callback and
 * submittable forms (streams, cursors), which this app does not use, pass straight through.
 */
export function chainQueries(client: Pick<pg.ClientBase, 'query'>): void {
  const send = (client.query as Send).bind(client);
  let previous: Promise<unknown> = Promise.resolve();
  (client as { query: Send }).query = (...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function') return send(...args);
    const result = previous.then(() => send(...args));
    previous = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };
}
