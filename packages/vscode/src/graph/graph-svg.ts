import type { GraphLayout } from './graph-layout.js';

/**
 * The laid-out referral graph as SVG, themed by VS Code's CSS variables;
 * nodes carry `data-file` for opening. The drawing scales to the panel
 * (`viewBox` with width and height 100%): the whole graph fits at first,
 * and the panel's script zooms and pans by changing the `viewBox`. `id`
 * defaults to `graph`.
 */
export function graphSvg(layout: GraphLayout, options: { readonly id?: string } = {}): string {
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height);
  const pending = new Set(layout.nodes.filter((node) => node.pending).map((node) => node.key));
  const edges = layout.edges
    .map((edge) => {
      const start = edge.points[0];
      const end = edge.points.at(-1);
      if (!start || !end || edge.points.length < 2) return '';
      const bend = (end.x - start.x) / 2;
      // Next columns: one S-curve; farther ones: straight through dagre's bends.
      const d =
        edge.points.length === 2
          ? `M${round(start.x)},${round(start.y)} C${round(start.x + bend)},${round(start.y)} ${round(end.x - bend)},${round(end.y)} ${round(end.x)},${round(end.y)}`
          : `M${edge.points.map((point) => `${round(point.x)},${round(point.y)}`).join(' L')}`;
      return `<path class="edge${pending.has(edge.to) ? ' pending' : ''}" d="${d}" marker-end="url(#arrow)"/>`;
    })
    .join('');
  const nodes = layout.nodes
    .map((node) => {
      const attributes = node.file ? ` data-file="${escapeXml(node.file)}" tabindex="0" role="link"` : '';
      return (
        `<g class="node${node.pending ? ' pending' : ''}" transform="translate(${round(node.x)},${round(node.y)})"${attributes}>` +
        `<title>${escapeXml(node.label)}${node.detail ? ` — ${escapeXml(node.detail)}` : ''}</title>` +
        `<rect width="${node.width}" height="${node.height}" rx="6"/>` +
        `<text x="10" y="21" class="label">${escapeXml(truncate(node.label, 24))}</text>` +
        `<text x="10" y="40" class="detail">${escapeXml(truncate(node.detail, 30))}</text></g>`
      );
    })
    .join('');
  return (
    `<svg id="${options.id ?? 'graph'}" xmlns="http://www.w3.org/2000/svg" width="100%" height="100%" viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid meet" data-width="${width}" data-height="${height}" role="img" aria-label="Referral graph: ${layout.nodes.length} people">` +
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>' +
    `${edges}${nodes}</svg>`
  );
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
