// The cluster worker's entry (built on its own as dist/widget/branch-picker.worker.js, so
// supercluster never weighs on the script-tag bundle): one index, requests answered in order.
import { ClusterIndex, answer, type ClusterEnvelope, type ClusterReply } from './cluster-index.js';

const index = new ClusterIndex();
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ClusterEnvelope>) => void) | null;
  postMessage(m: ClusterReply): void;
};

scope.onmessage = (e) => {
  const { seq, req } = e.data;
  scope.postMessage({ seq, answer: answer(index, req) });
};
