// Where the carrier sandboxes keep what they hold (backlog orders, waybills). In a page it is memory only;
// the Node server gives a file journal (api-mock/src/carriers-sim/file-journal.ts) so the carriers remember their
// shipments across a restart or a kill -9 of the server, like real carriers would.
export interface CarrierJournal {
  /** Every entry appended under this name, oldest first (replayed when a carrier store starts). */
  load(name: string): unknown[];
  /** Durable before it returns: a carrier answers only after its commit. */
  append(name: string, entry: unknown): void;
}

export function memoryJournal(): CarrierJournal {
  const logs = new Map<string, unknown[]>();
  return {
    load: (name) => [...(logs.get(name) ?? [])],
    append(name, entry) {
      let log = logs.get(name);
      if (!log) logs.set(name, (log = []));
      log.push(structuredClone(entry));
    },
  };
}
