/**
 * Connected components of a CSR graph by breadth-first search, renumbered so that component 0 is
 * the largest (ties: the one containing the lowest node id).
 *
 * @returns per-node component id, the component count and the size of the largest one
 */
export function connectedComponents(
  nodeCount: number,
  offsets: Int32Array,
  targets: Int32Array,
): { component: Int32Array; count: number; largest: number } {
  const component = new Int32Array(nodeCount).fill(-1);
  const queue = new Int32Array(nodeCount);
  const sizes: number[] = [];
  for (let s = 0; s < nodeCount; s++) {
    if (component[s] !== -1) continue;
    const id = sizes.length;
    let head = 0, tail = 0;
    queue[tail++] = s;
    component[s] = id;
    while (head < tail) {
      const u = queue[head++];
      for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
        const v = targets[a];
        if (component[v] === -1) {
          component[v] = id;
          queue[tail++] = v;
        }
      }
    }
    sizes.push(tail);
  }
  let largest = 0;
  for (let i = 1; i < sizes.length; i++) if (sizes[i] > sizes[largest]) largest = i;
  if (largest !== 0) {
    for (let i = 0; i < nodeCount; i++) {
      const c = component[i];
      if (c === largest) component[i] = 0;
      else if (c === 0) component[i] = largest;
    }
  }
  return { component, count: sizes.length, largest: sizes.length ? sizes[largest] : 0 };
}
