import type { GraphLayout, LaidOutNode } from './graph-layout.js';

const NODE_WIDTH = 230;
const NODE_HEIGHT = 50;
const COLUMN_GAP = 40;
const ROW_GAP = 14;
const MARGIN = 16;

/**
 * The laid-out referral graph as SVG, themed by VS Code's CSS variables;
 * nodes carry `data-file` for opening. The drawing scales to the panel
 * (`viewBox` with width and height 100%): the whole graph fits at first,
 * and the panel's script zooms and pans by changing the `viewBox`.
 */
export function graphSvg(layout: GraphLayout): string {
  const width = MARGIN * 2 + layout.columns * NODE_WIDTH + Math.max(0, layout.columns - 1) * COLUMN_GAP;
  const height = MARGIN * 2 + layout.rows * NODE_HEIGHT + Math.max(0, layout.rows - 1) * ROW_GAP;
  const byKey = new Map(layout.nodes.map((node) => [node.key, node]));
  const x = (node: LaidOutNode) => MARGIN + node.column * (NODE_WIDTH + COLUMN_GAP);
  const y = (node: LaidOutNode) => MARGIN + node.row * (NODE_HEIGHT + ROW_GAP);
  const edges = layout.edges
    .map((edge) => {
      const from = byKey.get(edge.from);
      const to = byKey.get(edge.to);
      if (!from || !to) return '';
      const x1 = x(from) + NODE_WIDTH;
      const y1 = y(from) + NODE_HEIGHT / 2;
      const x2 = x(to);
      const y2 = y(to) + NODE_HEIGHT / 2;
      const bend = (x2 - x1) / 2;
      return `<path class="edge${to.pending ? ' pending' : ''}" d="M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}" marker-end="url(#arrow)"/>`;
    })
    .join('');
  const nodes = layout.nodes
    .map((node) => {
      const attributes = node.file ? ` data-file="${escapeXml(node.file)}" tabindex="0" role="link"` : '';
      return (
        `<g class="node${node.pending ? ' pending' : ''}" transform="translate(${x(node)},${y(node)})"${attributes}>` +
        `<title>${escapeXml(node.label)}${node.detail ? ` — ${escapeXml(node.detail)}` : ''}</title>` +
        `<rect width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6"/>` +
        `<text x="10" y="21" class="label">${escapeXml(truncate(node.label, 24))}</text>` +
        `<text x="10" y="40" class="detail">${escapeXml(truncate(node.detail, 30))}</text></g>`
      );
    })
    .join('');
  return (
    `<svg id="graph" xmlns="http://www.w3.org/2000/svg" width="100%" height="100%" viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid meet" data-width="${width}" data-height="${height}" role="img" aria-label="Referral graph: ${layout.nodes.length} people">` +
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>' +
    `${edges}${nodes}</svg>`
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
