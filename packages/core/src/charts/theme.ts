/**
 * Colours and type of the report charts. Every colour is any CSS colour
 * string and is written as is into the SVG, so `var(--vscode-foreground)`
 * works when the SVG sits inline in a page that defines the variable.
 */
export interface ChartTheme {
  /** Titles, labels and values. Default `#1f2328`. */
  readonly foreground: string;
  /** Axis lines, ticks and grid. Default `#d0d7de`. */
  readonly grid: string;
  /** Behind the chart; `transparent` leaves the page's own. Default `transparent`. */
  readonly background: string;
  /** Bars of the funnel and of the reply rate by source. Default `#0969da`. */
  readonly accent: string;
  /** The weekly series. Defaults `#0969da`, `#1a7f37`, `#9a6700`. */
  readonly outreach: string;
  readonly meetings: string;
  readonly thankYous: string;
  /** Default `system-ui, sans-serif`. */
  readonly fontFamily: string;
  /** In pixels. Default `12`. */
  readonly fontSize: number;
}

/** The light theme of the HTML report; the dashboard overrides it with VS Code's theme colours. */
export const defaultChartTheme: ChartTheme = Object.freeze({
  foreground: '#1f2328',
  grid: '#d0d7de',
  background: 'transparent',
  accent: '#0969da',
  outreach: '#0969da',
  meetings: '#1a7f37',
  thankYous: '#9a6700',
  fontFamily: 'system-ui, sans-serif',
  fontSize: 12,
});
