// The list feed's worker entry (built on its own as dist/widget/branch-picker.worker.js, so
// supercluster, the NP adapter and the 30k branches never weigh on the main thread or its bundle).
import type { ClusterEnvelope, ClusterReply } from './cluster-protocol.js';
import { WholeListService } from './whole-list-service.js';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ClusterEnvelope>) => void) | null;
  postMessage(m: ClusterReply): void;
};
// seq 0 without an answer: "the list grew" (the main thread asks for the view again).
const service = new WholeListService(undefined, () => scope.postMessage({ seq: 0 }));

scope.onmessage = (e) => {
  const { seq, req } = e.data;
  void service.handle(req).then((answer) => scope.postMessage({ seq, answer }));
};
