/**
 * BarChart: a simple horizontal bar chart in SVG, accessible without the picture: the SVG is
 * decorative (`aria-hidden`) and the same numbers are a real list of labelled values, each of
 * which may link to the filtered list it counts. No chart library: bars are proportional widths.
 */
import type { ReactNode } from 'react';
import { classNames } from './internal/class-names';

export interface BarChartDatum {
  key: string;
  label: string;
  value: number;
  /** The value as text in the app's locale, e.g. "1,234". */
  formattedValue: string;
  /** Where the bar leads (the filtered list); rendered by `renderLink`. */
  href?: string;
}

export interface BarChartProps {
  /** Names the chart (its list) for assistive technology. */
  title: string;
  data: readonly BarChartDatum[];
  /** Renders a link (the app's router link); defaults to a plain `<a>`. */
  renderLink?: (href: string, children: ReactNode) => ReactNode;
  className?: string;
}

const BAR_HEIGHT = 18;
const GAP = 10;

export function BarChart({ title, data, renderLink, className }: BarChartProps) {
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const height = data.length * (BAR_HEIGHT + GAP);
  const link = renderLink ?? ((href: string, children: ReactNode) => <a href={href}>{children}</a>);
  return (
    <figure className={classNames('sy-bar-chart', className)}>
      <div className="sy-bar-chart__rows">
        <ul className="sy-bar-chart__legend" aria-label={title}>
          {data.map((datum) => {
            const text = (
              <>
                <span className="sy-bar-chart__label">{datum.label}</span>{' '}
                <span className="sy-bar-chart__value">{datum.formattedValue}</span>
              </>
            );
            return (
              <li key={datum.key} style={{ height: BAR_HEIGHT, marginBottom: GAP }}>
                {datum.href ? link(datum.href, text) : text}
              </li>
            );
          })}
        </ul>
        <svg
          className="sy-bar-chart__svg"
          aria-hidden="true"
          focusable="false"
          viewBox={`0 0 100 ${Math.max(height, 1)}`}
          preserveAspectRatio="none"
          height={height}
        >
          {data.map((datum, index) => (
            <rect
              key={datum.key}
              className="sy-bar-chart__bar"
              x={0}
              y={index * (BAR_HEIGHT + GAP)}
              width={(datum.value / max) * 100}
              height={BAR_HEIGHT}
              rx={2}
            />
          ))}
        </svg>
      </div>
    </figure>
  );
}
