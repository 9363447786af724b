// The connectors of every carrier we send orders to, pointed at one base URL: the sandbox (our own server by
// default) or, with CARRIER_BASE_URL, a proxy in front of the carriers' real APIs.
import type { Connector, ConnectorOptions } from './types.js';
import { createNovaPoshtaConnector } from './nova-poshta.js';
import { createRussianPostConnector } from './russian-post.js';

export function defaultConnectors(options: ConnectorOptions): Map<string, Connector> {
  return new Map<string, Connector>([
    ['russian-post', createRussianPostConnector(options)],
    ['nova-poshta', createNovaPoshtaConnector(options)],
  ]);
}

export type { Connector, ConnectorOptions } from './types.js';
