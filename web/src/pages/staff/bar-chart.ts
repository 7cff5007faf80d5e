import { html, type TemplateResult } from "lit-html";
import { chartLabel, type ScaledBar } from "./charts";
import { cssWidth } from "./css-width";

/**
 * A horizontal bar chart from HTML and CSS (no chart library: a handful of bars does not need one). The chart is
 * one image to assistive technology, named with every figure; the table beside it carries the same figures for
 * reading and copying. Bar widths are set through the CSSOM (cssWidth), which the CSP allows; a style attribute
 * (including the one lit's styleMap writes on its first render) would be blocked.
 */
export function barChart(title: string, bars: readonly ScaledBar[], tone: (key: string) => string = () => ""): TemplateResult {
  return html`<div class="bar-chart" role="img" aria-label=${chartLabel(title, bars)}>
    ${bars.map(
      (b) => html`<div class="bar">
        <span class="bar__label">${b.label}</span>
        <span class="bar__track"><span class="bar__fill ${tone(b.key)} ${b.percent === 0 ? "bar__fill--none" : ""}" ${cssWidth(b.percent)}></span></span>
        <span class="bar__value">${b.display}</span>
      </div>`,
    )}
  </div>`;
}
